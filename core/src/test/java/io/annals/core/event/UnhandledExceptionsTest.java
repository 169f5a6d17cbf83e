package io.annals.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.InMemoryStores;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** The unhandled-exception stream: every failure reaches every listener, whatever the others do. */
@EnableWeld
class UnhandledExceptionsTest {

    private static final Object FAILED_MESSAGE = new Object();
    private static final RuntimeException FAILURE = new IllegalStateException("disk full");
    private static final String HANDLER = "archive-forwarder";

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(BrokenObserver.class, FailureLog.class, InMemoryStores.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    UnhandledExceptions unhandled;

    @Inject
    FailureLog log;

    @Test
    void aFailureReachesCdiObserversAndEverySubscriberEvenWhenOthersThrow() throws Exception {
        List<UnhandledException> received = new CopyOnWriteArrayList<>();
        AutoCloseable throwing = unhandled.subscribe(failure -> {
            throw new IllegalStateException("subscriber bug");
        });
        AutoCloseable collecting = unhandled.subscribe(received::add);

        unhandled.publish(FAILED_MESSAGE, FAILURE, HANDLER);

        throwing.close();
        collecting.close();
        UnhandledException expected = new UnhandledException(FAILED_MESSAGE, FAILURE, HANDLER);
        assertEquals(List.of(expected), received);
        assertEquals(List.of(expected), log.failures());
        assertSame(FAILURE, received.get(0).error());
        assertEquals(1, unhandled.count());
    }

    @Test
    void anUnsubscribedListenerHearsNothingMore() throws Exception {
        List<UnhandledException> received = new CopyOnWriteArrayList<>();
        unhandled.subscribe(received::add).close();

        unhandled.publish(FAILED_MESSAGE, FAILURE, HANDLER);

        assertEquals(List.of(), received);
        assertEquals(1, log.failures().size());
    }

    @Test
    void everyFailureIsCounted() {
        unhandled.publish(FAILED_MESSAGE, FAILURE, HANDLER);
        unhandled.publish(FAILED_MESSAGE, FAILURE, HANDLER);

        assertEquals(2, unhandled.count());
    }

    /** A CDI observer of failures that itself fails, notified first: it must not stop the stream. */
    @ApplicationScoped
    static class BrokenObserver {
        void on(@Observes @Priority(1) UnhandledException failure) {
            throw new IllegalStateException("observer bug");
        }
    }

    @ApplicationScoped
    static class FailureLog {
        private final List<UnhandledException> failures = new CopyOnWriteArrayList<>();

        void on(@Observes @Priority(2) UnhandledException failure) {
            failures.add(failure);
        }

        List<UnhandledException> failures() {
            return List.copyOf(failures);
        }
    }
}
