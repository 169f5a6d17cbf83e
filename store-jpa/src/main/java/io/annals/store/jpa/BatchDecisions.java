package io.annals.store.jpa;

import io.annals.core.store.AppendRules;
import io.annals.core.store.DuplicateCommandException;
import io.annals.core.store.EventIdConflictException;
import io.annals.core.store.EventLocation;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import io.annals.core.store.StreamVersionConflictException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The writer's decisions for one transaction, made in memory before anything is written: in queue
 * order, each append is a repeat (by event id, decided first), refused (version, command id), or
 * accepted with the next versions and positions. Later appends see the earlier ones' effects, and
 * decisions that rest on them are marked, so they can be made again if the batch does not commit.
 */
final class BatchDecisions {

    /** An append the batch will store, with the events as they will be stored. */
    record Accepted(AppendRequest request, List<StoredEvent> events, long streamVersion) {
    }

    final long firstPosition;
    final OffsetDateTime timestamp;
    final Map<String, Long> headsBefore = new HashMap<>();
    final Map<UUID, EventLocation> storedIds = new HashMap<>();
    final Set<UUID> storedCommands = new HashSet<>();
    final List<Accepted> accepted = new ArrayList<>();
    final Map<AppendRequest, AppendOutcome> repeated = new LinkedHashMap<>();
    final Map<AppendRequest, RuntimeException> refused = new LinkedHashMap<>();
    /** Decisions that rest on appends of this very batch: void if it does not commit. */
    final Set<AppendRequest> dependOnBatch = new HashSet<>();
    final List<AppendRequest> refusedForVersion = new ArrayList<>();
    private final Map<String, Long> working = new HashMap<>();
    private final Map<UUID, EventLocation> batchIds = new HashMap<>();
    private final Set<UUID> batchCommands = new HashSet<>();
    long nextPosition;

    BatchDecisions(long lastPosition, OffsetDateTime timestamp) {
        this.firstPosition = lastPosition + 1;
        this.nextPosition = firstPosition;
        this.timestamp = timestamp;
    }

    void decide(List<AppendRequest> requests) {
        working.putAll(headsBefore);
        for (AppendRequest request : requests) {
            decide(request);
        }
    }

    private void decide(AppendRequest request) {
        Map<UUID, EventLocation> known = new HashMap<>();
        boolean fromBatch = false;
        for (NewEvent event : request.events) {
            EventLocation inBatch = batchIds.get(event.eventId());
            EventLocation stored = inBatch != null ? inBatch : storedIds.get(event.eventId());
            if (stored != null) {
                known.put(event.eventId(), stored);
                fromBatch |= inBatch != null;
            }
        }
        long current = working.get(request.streamId);
        try {
            if (AppendRules.isRepeat(request.streamId, request.expected, request.events, known)) {
                long first = known.get(request.events.get(0).eventId()).version();
                repeated.put(request, new AppendOutcome.Repeated(request.streamId, first, request.events.size(), current));
            } else if (!request.expected.matches(current)) {
                refuse(request, new StreamVersionConflictException(request.streamId, request.expected, current));
                refusedForVersion.add(request);
                fromBatch |= current != headsBefore.get(request.streamId);
            } else if (request.commandId != null && storedCommands.contains(request.commandId)) {
                refuse(request, new DuplicateCommandException(request.commandId));
            } else if (request.commandId != null && batchCommands.contains(request.commandId)) {
                refuse(request, new DuplicateCommandException(request.commandId));
                fromBatch = true;
            } else {
                accept(request, current);
            }
        } catch (EventIdConflictException conflict) {
            refuse(request, conflict);
        }
        if (fromBatch) {
            dependOnBatch.add(request);
        }
    }

    private void accept(AppendRequest request, long current) {
        List<StoredEvent> events = new ArrayList<>(request.events.size());
        long version = current;
        for (NewEvent event : request.events) {
            StoredEvent stored = new StoredEvent(nextPosition++, request.streamId, ++version, event.eventId(),
                    event.type(), event.schemaVersion(), event.data(), event.metadata(), timestamp.toInstant());
            events.add(stored);
            batchIds.put(event.eventId(), new EventLocation(request.streamId, version));
        }
        if (request.commandId != null) {
            batchCommands.add(request.commandId);
        }
        working.put(request.streamId, version);
        accepted.add(new Accepted(request, events, version));
    }

    private void refuse(AppendRequest request, RuntimeException reason) {
        refused.put(request, reason);
    }

    /** Event ids of appends refused for their version: a repeat wins over a version conflict. */
    List<UUID> idsRefusedForVersion() {
        return refusedForVersion.stream().flatMap(r -> r.events.stream()).map(NewEvent::eventId).toList();
    }

    /** Decides the version refusals again now that {@link #storedIds} holds their stored ids. */
    void decideRefusedAgain() {
        for (AppendRequest request : refusedForVersion) {
            Map<UUID, EventLocation> known = new HashMap<>();
            for (NewEvent event : request.events) {
                EventLocation stored = batchIds.getOrDefault(event.eventId(), storedIds.get(event.eventId()));
                if (stored != null) {
                    known.put(event.eventId(), stored);
                }
            }
            try {
                if (AppendRules.isRepeat(request.streamId, request.expected, request.events, known)) {
                    refused.remove(request);
                    long first = known.get(request.events.get(0).eventId()).version();
                    long current = working.get(request.streamId);
                    repeated.put(request, new AppendOutcome.Repeated(request.streamId, first, request.events.size(),
                            current));
                }
            } catch (EventIdConflictException conflict) {
                refused.put(request, conflict);
            }
        }
    }

    /** The rows of the accepted appends' events, in position order. */
    List<LogTables.EventRow> acceptedEvents() {
        List<LogTables.EventRow> rows = new ArrayList<>();
        for (Accepted append : accepted) {
            for (int i = 0; i < append.events.size(); i++) {
                rows.add(new LogTables.EventRow(append.events.get(i), append.request.metadataJson.get(i)));
            }
        }
        return rows;
    }

    /** The command ids the accepted appends carry, with their streams. */
    Map<UUID, String> acceptedCommands() {
        Map<UUID, String> commands = new LinkedHashMap<>();
        for (Accepted append : accepted) {
            if (append.request.commandId != null) {
                commands.put(append.request.commandId, append.request.streamId);
            }
        }
        return commands;
    }

    /** Each stream's version once the batch is committed. */
    Map<String, Long> headsAfter() {
        Map<String, Long> after = new LinkedHashMap<>();
        for (Accepted append : accepted) {
            after.put(append.request.streamId, append.streamVersion);
        }
        return after;
    }

    /** The batch committed: every decision stands. */
    void completeAll() {
        for (Accepted append : accepted) {
            append.request.result.complete(new AppendOutcome.Appended(append.events, append.streamVersion));
        }
        repeated.forEach((request, outcome) -> request.result.complete(outcome));
        refused.forEach((request, reason) -> request.result.completeExceptionally(reason));
    }

    /**
     * The batch did not commit: accepted appends fail with {@code failure}; decisions that rested
     * on them are returned to be made again; the others stand.
     */
    List<AppendRequest> failAccepted(RuntimeException failure) {
        for (Accepted append : accepted) {
            append.request.result.completeExceptionally(failure);
        }
        List<AppendRequest> again = new ArrayList<>();
        repeated.forEach((request, outcome) -> {
            if (dependOnBatch.contains(request)) {
                again.add(request);
            } else {
                request.result.complete(outcome);
            }
        });
        refused.forEach((request, reason) -> {
            if (dependOnBatch.contains(request)) {
                again.add(request);
            } else {
                request.result.completeExceptionally(reason);
            }
        });
        return again;
    }
}
