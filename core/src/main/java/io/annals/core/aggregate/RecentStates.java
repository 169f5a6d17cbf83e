package io.annals.core.aggregate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The serialised state of recently saved aggregates, by stream, least recently used dropped first.
 * Entries are JSON rather than objects, so no two loads ever share mutable state. An entry only
 * spares reading a snapshot and replaying the stream up to its version: the repository still reads
 * every event after it, so writers in other threads or processes are never missed.
 */
final class RecentStates {

    /** A stream's state as of {@code version}. */
    record Entry(long version, String json) {
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
    synchronized void put(String streamId, long version, String json) {
        Entry known = entries.get(streamId);
        if (known == null || known.version() < version) {
            entries.put(streamId, new Entry(version, json));
        }
    }

    synchronized void forget(String streamId) {
        entries.remove(streamId);
    }
}
