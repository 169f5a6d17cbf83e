package io.annals.core.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The unhandled-exception stream: each failure is logged once, counted, handed to every CDI
 * observer of {@link UnhandledException} and to every subscriber; one that throws stops none of
 * the others.
 */
@ApplicationScoped
public class UnhandledExceptions {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptions.class.getName());

    private final List<Consumer<UnhandledException>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong count = new AtomicLong();

    @Inject
    BeanManager beans;

    private volatile List<ObserverMethod<Object>> observers;

    public void publish(Object message, Throwable error, String handler) {
        UnhandledException failure = new UnhandledException(message, error, handler);
        count.incrementAndGet();
        LOG.log(Level.WARNING, error, () -> handler + " failed on " + message.getClass().getSimpleName() + ": " + error);
        for (ObserverMethod<Object> observer : observers(failure)) {
            try {
                observer.notify(Delivery.of(failure));
            } catch (RuntimeException observerFailure) {
                LOG.log(Level.SEVERE, "an observer of UnhandledException failed", observerFailure);
            }
        }
        for (Consumer<UnhandledException> subscriber : subscribers) {
            try {
                subscriber.accept(failure);
            } catch (RuntimeException subscriberFailure) {
                LOG.log(Level.SEVERE, "an UnhandledException subscriber failed", subscriberFailure);
            }
        }
    }

    /** Subscribes to the stream; closing the returned handle unsubscribes. */
    public AutoCloseable subscribe(Consumer<UnhandledException> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The synchronous CDI observers of failures, resolved once: observers are fixed after deployment. */
    private List<ObserverMethod<Object>> observers(UnhandledException failure) {
        List<ObserverMethod<Object>> resolved = observers;
        if (resolved == null) {
            resolved = Delivery.observersOf(beans, failure).stream().filter(o -> !o.isAsync()).toList();
            observers = resolved;
        }
        return resolved;
    }

    /** How many failures were published since start. */
    public long count() {
        return count.get();
    }
}
