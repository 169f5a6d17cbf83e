package io.annals.web.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Lets requests in while the application runs and, when it stops, refuses new ones (503) and waits
 * a while for the ones in flight, so an acknowledged command is never cut off halfway.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class.getName());
    private static final long DRAIN_MILLIS = TimeUnit.SECONDS.toMillis(15);

    private final Object lock = new Object();
    private final Thread onSignal = new Thread(this::close, "annals-shutdown-gate");
    private int inFlight;
    private boolean closing;

    /** @return false when the application is stopping and the request must be refused */
    public boolean enter() {
        synchronized (lock) {
            if (closing) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    public void leave() {
        synchronized (lock) {
            inFlight--;
            if (inFlight == 0) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Closes the gate as soon as the JVM is asked to stop (SIGTERM), while the server's own shutdown
     * runs: requests that arrive from then on get a clean 503 instead of meeting a half-stopped web
     * module.
     */
    public void closeOnSignal() {
        Runtime.getRuntime().addShutdownHook(onSignal);
    }

    /** Undoes {@link #closeOnSignal()} when the application stops without the JVM stopping (an undeploy). */
    public void forgetSignal() {
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is stopping: the hook runs anyway
        }
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        close();
    }

    /** Refuses new requests and waits up to the drain time for those in flight. */
    public void close() {
        long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
        synchronized (lock) {
            if (closing && inFlight == 0) {
                return;
            }
            closing = true;
            while (inFlight > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    LOG.warning(inFlight + " requests still running after " + DRAIN_MILLIS + " ms; stopping anyway");
                    return;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.info("no request in flight; stopping");
    }
}
