package io.annals.store.jpa;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The writer's memory of stream versions, so a batch reads from the database only the heads of
 * streams it has not seen. It is valid only while no other process appends: every append of every
 * instance moves the log counter, so the cache is trusted only when the counter still holds the
 * value the cache was valid at. Used by the writer thread alone.
 */
final class StreamHeadCache {

    private static final long UNKNOWN = -1;

    private final int capacity;
    private final Map<String, Long> versions;
    private long validAt = UNKNOWN;

    StreamHeadCache(int capacity) {
        this.capacity = capacity;
        this.versions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > StreamHeadCache.this.capacity;
            }
        };
    }

    /** Called with the log's last position read under the batch lock: forgets everything if it moved. */
    void checkAgainst(long lastPosition) {
        if (lastPosition != validAt) {
            versions.clear();
            validAt = lastPosition;
        }
    }

    /** Whether the cache knows the log's last position, so a batch may be decided without reading it. */
    boolean knowsLastPosition() {
        return validAt != UNKNOWN;
    }

    /** The log's last position the cache is valid at; only when {@link #knowsLastPosition()}. */
    long lastPosition() {
        return validAt;
    }

    /** The cached version (0: the stream did not exist), or null when unknown. */
    Long version(String streamId) {
        return versions.get(streamId);
    }

    /** Versions read from the database at the position {@link #checkAgainst} was last called with. */
    void learn(Map<String, Long> read) {
        if (capacity > 0 && validAt != UNKNOWN) {
            versions.putAll(read);
        }
    }

    /** A batch committed: the heads it wrote, and the log's new last position. */
    void committed(Map<String, Long> written, long lastPosition) {
        if (validAt == UNKNOWN) {
            return;
        }
        validAt = lastPosition;
        if (capacity > 0) {
            versions.putAll(written);
        }
    }

    /** The database may hold something the cache does not know: trust nothing until the next batch reads again. */
    void invalidate() {
        versions.clear();
        validAt = UNKNOWN;
    }
}
