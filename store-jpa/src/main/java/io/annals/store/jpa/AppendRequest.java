package io.annals.store.jpa;

import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's append, queued for the writer; the caller waits on {@link #result}. Compared by
 * identity, so a caller that gives up can take exactly its own request back out of the queue.
 */
final class AppendRequest {

    final String streamId;
    final ExpectedVersion expected;
    final List<NewEvent> events;
    final UUID commandId;
    final CompletableFuture<AppendOutcome> result = new CompletableFuture<>();
    final int payloadChars;
    /** Each event's metadata column, written here on the caller's thread rather than by the one writer thread. */
    final List<String> metadataJson;

    AppendRequest(String streamId, ExpectedVersion expected, List<NewEvent> events, UUID commandId) {
        this.streamId = streamId;
        this.expected = expected;
        this.events = List.copyOf(events);
        this.commandId = commandId;
        this.payloadChars = events.stream().mapToInt(event -> event.data().length()).sum();
        this.metadataJson = this.events.stream().map(event -> MetadataJson.write(event.eventId(), event.metadata())).toList();
    }
}
