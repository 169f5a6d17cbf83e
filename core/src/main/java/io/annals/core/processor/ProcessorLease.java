package io.annals.core.processor;

import java.time.Duration;
import java.util.Optional;

/**
 * Makes sure at most one application instance runs a given processor when several share one
 * database. A processor polls only while its instance holds the processor's lease and renews it
 * well before it expires; an instance that stops releases it, one that dies loses it at expiry.
 * <p>
 * A database row per processor with owner and expiry implements it with one conditional update
 * ({@code owner = ? or expires_at < now}); a session-level advisory lock implements it too (expiry
 * is then the session's life and {@code ttl} is ignored).
 */
public interface ProcessorLease {

    /**
     * Takes the lease for {@code owner} until now + {@code ttl} if it is free, expired or already
     * held by {@code owner} (which renews it).
     *
     * @return whether {@code owner} holds the lease now
     */
    boolean acquire(String processor, String owner, Duration ttl);

    /**
     * Extends a lease {@code owner} holds.
     *
     * @return false when {@code owner} no longer holds it (it expired and another instance took it)
     */
    boolean renew(String processor, String owner, Duration ttl);

    /** Gives the lease up if {@code owner} holds it; otherwise does nothing. */
    void release(String processor, String owner);

    /** Who holds the lease now, if anyone (an expired lease is held by nobody). */
    Optional<String> holder(String processor);
}
