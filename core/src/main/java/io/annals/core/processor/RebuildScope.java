package io.annals.core.processor;

/**
 * Tells a projection's event handler whether it is being called by a rebuild (write to the fresh
 * target) or by the live processor (write to the current one). Bound to the calling thread by the
 * runtime for the duration of one delivery.
 */
public final class RebuildScope {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private RebuildScope() {
    }

    /** True while the calling thread delivers an event replayed by a rebuild. */
    public static boolean isActive() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }

    static void run(Runnable delivery) {
        ACTIVE.set(Boolean.TRUE);
        try {
            delivery.run();
        } finally {
            ACTIVE.remove();
        }
    }
}
