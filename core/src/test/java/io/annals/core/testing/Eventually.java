package io.annals.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does (an asynchronous observer, a snapshot), with a deadline. */
public final class Eventually {

    /** Long enough for any asynchronous step of a healthy test; a hang fails instead of blocking the build. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private Eventually() {
    }

    /** Returns as soon as {@code condition} holds; fails with {@code what} after {@link #PATIENCE}. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up after " + PATIENCE + " waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting until " + what);
            }
        }
    }
}
