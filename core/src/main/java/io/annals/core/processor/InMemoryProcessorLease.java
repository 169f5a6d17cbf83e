package io.annals.core.processor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Leases in memory: enough for one process, and for tests that run two runtimes over shared
 * in-memory stores.
 */
public class InMemoryProcessorLease implements ProcessorLease {

    private record Held(String owner, Instant expiresAt) {
    }

    private final Clock clock;
    private final Map<String, Held> leases = new HashMap<>();

    public InMemoryProcessorLease() {
        this(Clock.systemUTC());
    }

    public InMemoryProcessorLease(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean acquire(String processor, String owner, Duration ttl) {
        Instant now = clock.instant();
        Held held = leases.get(processor);
        if (held != null && !held.owner().equals(owner) && held.expiresAt().isAfter(now)) {
            return false;
        }
        leases.put(processor, new Held(owner, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized boolean renew(String processor, String owner, Duration ttl) {
        Instant now = clock.instant();
        Held held = leases.get(processor);
        if (held == null || !held.owner().equals(owner) || !held.expiresAt().isAfter(now)) {
            return false;
        }
        leases.put(processor, new Held(owner, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized void release(String processor, String owner) {
        Held held = leases.get(processor);
        if (held != null && held.owner().equals(owner)) {
            leases.remove(processor);
        }
    }

    @Override
    public synchronized Optional<String> holder(String processor) {
        Held held = leases.get(processor);
        return held != null && held.expiresAt().isAfter(clock.instant()) ? Optional.of(held.owner()) : Optional.empty();
    }
}
