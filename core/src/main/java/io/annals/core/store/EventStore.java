package io.annals.core.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where events live. Streams have contiguous versions 1..n; the global log has contiguous positions
 * 1, 2, 3 … in commit order. Every implementation passes the same contract test suite.
 */
public interface EventStore {

    /** Largest accepted JSON payload, in characters. */
    int MAX_PAYLOAD_CHARS = 1 << 20;

    /**
     * Appends events atomically after checking the expected version. Idempotent by event id, checked
     * before the version: the same events at the same position succeed again without duplicates.
     *
     * @throws StreamVersionConflictException the stream is not at the expected version
     * @throws EventIdConflictException an event id is stored elsewhere, or the batch partly overlaps
     * @throws IllegalArgumentException blank stream id, empty list, oversize payload
     */
    default AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        return append(streamId, expected, events, null);
    }

    /**
     * As {@link #append(String, ExpectedVersion, List)}, recording {@code commandId} (when not null)
     * in the same transaction so the command runs at most once.
     *
     * @throws DuplicateCommandException the command id was recorded by an earlier append
     */
    AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events, UUID commandId);

    /** The stream's events with version >= {@code fromVersion}, in version order. */
    List<StoredEvent> readStream(String streamId, long fromVersion);

    /** The stream's current version; 0 when it does not exist. Never scans the stream. */
    long streamVersion(String streamId);

    /** Up to {@code limit} events with position > {@code afterPosition}, in position order. */
    List<StoredEvent> readAll(long afterPosition, int limit);

    /** The highest position stored; 0 for an empty store. */
    long headPosition();

    /** The record of a command id, if an append carried it. */
    Optional<ProcessedCommand> processedCommand(UUID commandId);

    /** Stores the JSON outcome of a command whose id an append recorded. */
    void recordCommandOutcome(UUID commandId, String outcome);

    /** The latest snapshot of a stream, if any. */
    Optional<Snapshot> latestSnapshot(String streamId);

    /** Keeps a snapshot (replacing an older one of the same stream). */
    void saveSnapshot(Snapshot snapshot);
}
