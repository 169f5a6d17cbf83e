package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.processor.ProcessorLease;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link ProcessorLease} contract: one owner at a time, renewal by the owner only, release,
 * and expiry (with real time: a lease of {@link #SHORT} is given time to run out).
 */
public abstract class ProcessorLeaseContract {

    protected static final Duration LONG = Duration.ofMinutes(5);
    protected static final Duration SHORT = Duration.ofMillis(300);

    /** The lease store under test. */
    protected abstract ProcessorLease lease();

    private static String processor() {
        return "lease-" + UUID.randomUUID();
    }

    @Test
    void aFreeLeaseGoesToTheFirstOwnerAndNotToASecond() {
        String processor = processor();

        assertTrue(lease().acquire(processor, "a", LONG));
        assertFalse(lease().acquire(processor, "b", LONG));
        assertTrue(lease().acquire(processor, "a", LONG), "acquiring again renews");
        assertEquals(Optional.of("a"), lease().holder(processor));
    }

    @Test
    void onlyTheOwnerRenews() {
        String processor = processor();
        lease().acquire(processor, "a", LONG);

        assertTrue(lease().renew(processor, "a", LONG));
        assertFalse(lease().renew(processor, "b", LONG));
        assertFalse(lease().renew(processor(), "a", LONG), "nothing to renew");
    }

    @Test
    void aReleasedLeaseIsFreeAndOnlyTheOwnerReleases() {
        String processor = processor();
        lease().acquire(processor, "a", LONG);

        lease().release(processor, "b");
        assertEquals(Optional.of("a"), lease().holder(processor));
        lease().release(processor, "a");

        assertEquals(Optional.empty(), lease().holder(processor));
        assertTrue(lease().acquire(processor, "b", LONG));
    }

    @Test
    void anExpiredLeaseCanBeTakenAndItsOldOwnerCannotRenewIt() throws InterruptedException {
        String processor = processor();
        lease().acquire(processor, "a", SHORT);

        Thread.sleep(SHORT.toMillis() * 2);

        assertEquals(Optional.empty(), lease().holder(processor));
        assertTrue(lease().acquire(processor, "b", LONG));
        assertFalse(lease().renew(processor, "a", LONG));
        assertEquals(Optional.of("b"), lease().holder(processor));
    }

    @Test
    void leasesOfDifferentProcessorsAreIndependent() {
        String first = processor();
        String second = processor();

        assertTrue(lease().acquire(first, "a", LONG));
        assertTrue(lease().acquire(second, "b", LONG));
    }
}
