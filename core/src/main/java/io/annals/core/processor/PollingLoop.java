package io.annals.core.processor;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One processor's thread: polls again at once after a full batch, otherwise waits for a local
 * append or a back-off that doubles up to the runtime's maximum idle time, so an idle processor
 * never spins. A poll that came back short caught up, so the loop does not poll again to find
 * nothing; woken by an append, it lingers a moment so that the appends right behind it are read
 * in the same poll. Under a steady stream of commands each poll cost a checkpoint read and a read
 * of the log whether it found one event or ten.
 */
final class PollingLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(PollingLoop.class.getName());
    private static final long MIN_IDLE_MILLIS = 10;
    private static final long LINGER_MILLIS = 3;

    private final String name;
    private final IntSupplier work;
    private final int fullBatch;
    private final BooleanSupplier done;
    private final long maxIdleMillis;
    private final Object signal = new Object();
    private volatile boolean running = true;
    private boolean woken;

    /**
     * @param work one poll; returns how many events it handled
     * @param fullBatch what a poll returns when there may be more to handle at once
     * @param done whether the loop's work is over for good (a finished rebuild)
     */
    PollingLoop(String name, IntSupplier work, int fullBatch, BooleanSupplier done, Duration maxIdle) {
        this.name = name;
        this.work = work;
        this.fullBatch = fullBatch;
        this.done = done;
        this.maxIdleMillis = Math.max(MIN_IDLE_MILLIS, maxIdle.toMillis());
    }

    @Override
    public void run() {
        long idle = MIN_IDLE_MILLIS;
        while (running && !done.getAsBoolean()) {
            int handled;
            try {
                handled = work.getAsInt();
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, failure, () -> name + " failed to poll; backing off");
                handled = 0;
            }
            if (handled > 0) {
                idle = MIN_IDLE_MILLIS;
            }
            if (handled < fullBatch) {
                idle = waitForWork(idle);
            }
        }
    }

    private long waitForWork(long idle) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(idle);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            boolean wasWoken = woken;
            woken = false;
            if (!wasWoken) {
                return Math.min(maxIdleMillis, idle * 2);
            }
        }
        linger();
        return MIN_IDLE_MILLIS;
    }

    private void linger() {
        try {
            Thread.sleep(LINGER_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    void stop() {
        running = false;
        wake();
    }
}
