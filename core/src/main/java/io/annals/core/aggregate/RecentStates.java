package io.annals.core.aggregate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state of recently saved aggregates, by stream, least recently used dropped first. An entry is
 * a private copy ({@link StateCopies}) or JSON, never the aggregate's own object, and every load
 * restores from a copy of it, so no two loads ever share mutable state. An entry only
 * spares reading a snapshot and replaying the stream up to its version: the repository still reads
 * every event after it, so writers in other threads or processes are never missed.
 */
final class RecentStates {

    /** A stream's state as of {@code version}: a copy only this cache holds, or else JSON. */
    record Entry(long version, Object copy, String json) {
    }

    private final Map<String, Entry> entries;

    RecentStates(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Entry> get(String streamId) {
        return Optional.ofNullable(entries.get(streamId));
    }

    /** Keeps the state unless a newer one of the same stream is already kept. */
    synchronized void put(String streamId, Entry entry) {
        Entry known = entries.get(streamId);
        if (known == null || known.version() < entry.version()) {
            entries.put(streamId, entry);
        }
    }

    synchronized void forget(String streamId) {
        entries.remove(streamId);
    }
}
