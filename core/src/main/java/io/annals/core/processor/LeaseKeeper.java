package io.annals.core.processor;

import java.time.Duration;
import java.util.Optional;

/** Holds one processor's lease for this instance: takes it when free, renews it a third into its life. */
final class LeaseKeeper {

    private final ProcessorLease lease;
    private final String processor;
    private final String owner;
    private final Duration ttl;
    private boolean held;
    private long renewedAt;

    LeaseKeeper(ProcessorLease lease, String processor, String owner, Duration ttl) {
        this.lease = lease;
        this.processor = processor;
        this.owner = owner;
        this.ttl = ttl;
    }

    /** Whether this instance holds the lease, taking or renewing it as needed. */
    synchronized boolean hold() {
        long now = System.nanoTime();
        if (held && now - renewedAt < ttl.toNanos() / 3) {
            return true;
        }
        held = held && lease.renew(processor, owner, ttl);
        if (!held) {
            held = lease.acquire(processor, owner, ttl);
        }
        if (held) {
            renewedAt = now;
        }
        return held;
    }

    synchronized void release() {
        if (held) {
            held = false;
            lease.release(processor, owner);
        }
    }

    Optional<String> holder() {
        return lease.holder(processor);
    }
}
