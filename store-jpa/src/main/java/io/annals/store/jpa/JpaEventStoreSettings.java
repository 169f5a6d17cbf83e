package io.annals.store.jpa;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of {@link JpaEventStore}'s writer. The defaults suit an application server; tests shorten
 * the timeouts.
 *
 * @param queueCapacity appends waiting for the writer before {@code append} refuses more
 * @param maxBatchAppends appends written in one transaction at most
 * @param lockTimeout how long the writer waits for another instance's batch to release the log
 * @param lockRetries how often a batch that timed out on a lock is tried again before it fails
 * @param appendTimeout how long {@code append} waits for the writer before it gives up
 * @param streamHeadCacheSize stream versions the writer remembers between batches
 */
public record JpaEventStoreSettings(int queueCapacity, int maxBatchAppends, Duration lockTimeout, int lockRetries,
                                    Duration appendTimeout, int streamHeadCacheSize) {

    public JpaEventStoreSettings {
        if (queueCapacity < 1 || maxBatchAppends < 1 || lockRetries < 0 || streamHeadCacheSize < 0) {
            throw new IllegalArgumentException("queueCapacity and maxBatchAppends must be >= 1, lockRetries and "
                    + "streamHeadCacheSize >= 0");
        }
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(appendTimeout, "appendTimeout");
        if (lockTimeout.isNegative() || lockTimeout.isZero() || appendTimeout.isNegative() || appendTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static JpaEventStoreSettings defaults() {
        return new JpaEventStoreSettings(10_000, 1_000, Duration.ofSeconds(5), 3, Duration.ofSeconds(30), 100_000);
    }

    public JpaEventStoreSettings withLockTimeout(Duration timeout) {
        return new JpaEventStoreSettings(queueCapacity, maxBatchAppends, timeout, lockRetries, appendTimeout,
                streamHeadCacheSize);
    }

    public JpaEventStoreSettings withAppendTimeout(Duration timeout) {
        return new JpaEventStoreSettings(queueCapacity, maxBatchAppends, lockTimeout, lockRetries, timeout,
                streamHeadCacheSize);
    }
}
