package io.annals.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.context.CurrentContext;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookEvent;
import io.annals.core.lending.BookId;
import io.annals.core.lending.Books;
import io.annals.core.lending.Lending;
import io.annals.core.store.EventStore;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.Eventually;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CDI observers of stored events: {@code @Observes} on the dispatching thread after the append,
 * {@code @ObservesAsync} later on the executor in the publisher's context; a failing observer never
 * undoes anything, stops no other observer, and reaches the unhandled-exception stream once.
 */
@EnableWeld
class EventBusTest {

    private static final BookId DUNE = BookId.random();
    private static final String SYNC_TROUBLE = "Sync Trouble";
    private static final String ASYNC_TROUBLE = "Async Trouble";
    private static final AsyncContext CAROLS_FLOW = AsyncContext.withCorrelation("flow-carol").withPrincipal("carol");
    private static final long QUIET_MILLIS = 300;
    private static final long NEVER_SECONDS = 10;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(
                    Sightings.class, ShelfWatcher.class, AsyncShelfWatcher.class, FailureLog.class)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    EventBus events;

    @Inject
    Sightings sightings;

    @Inject
    FailureLog failureLog;

    @Inject
    UnhandledExceptions unhandled;

    @Inject
    EventStore store;

    @Inject
    Books books;

    private final List<UnhandledException> subscribed = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;

    @BeforeEach
    void subscribeToUnhandledExceptions() {
        subscription = unhandled.subscribe(subscribed::add);
    }

    @AfterEach
    void unsubscribe() throws Exception {
        subscription.close();
    }

    @Test
    void aSyncObserverRunsOnTheDispatchingThreadAfterTheEventIsStored() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"), CAROLS_FLOW);

        Sighting seen = sightings.of("sync-recorder").orElseThrow();
        assertSame(Thread.currentThread(), seen.thread());
        assertEquals(1, seen.storedEvents(), "the observer read its event from the store");
        assertEquals(CAROLS_FLOW, seen.context());
    }

    @Test
    void onTheAsynchronousPathSyncObserversHaveRunWhenTheCommandCompletes() throws Exception {
        commands.execute(new AddBook(DUNE, "Dune"), CAROLS_FLOW).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        Sighting seen = sightings.of("sync-recorder").orElseThrow();
        assertNotEquals(Thread.currentThread(), seen.thread());
        assertEquals(1, seen.storedEvents());
    }

    @Test
    void syncObserversRunInPriorityOrder() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));

        assertEquals(List.of("sync-gatekeeper", "sync-recorder"), sightings.names().stream()
                .filter(name -> name.startsWith("sync-")).toList());
    }

    @Test
    void aThrowingSyncObserverNeitherFailsTheCommandNorUndoesItsEventsNorStopsTheOthers() {
        BookAdded added = new BookAdded(DUNE, SYNC_TROUBLE);

        assertEquals(DUNE, commands.executeBlocking(new AddBook(DUNE, SYNC_TROUBLE)));

        assertEquals(1, store.streamVersion(books.streamId(DUNE)));
        assertTrue(sightings.of("sync-recorder").isPresent(), "the next observer still ran");
        UnhandledException reported = awaitTheOnlyFailure();
        assertEquals(added, reported.message());
        assertEquals("sync", assertInstanceOf(ObserverFailure.class, reported.error()).getMessage());
        assertTrue(reported.handler().contains(ShelfWatcher.class.getName()), reported.handler());
    }

    @Test
    void anAsyncObserverRunsAfterTheCommitOnAnotherThreadInThePublishersContext() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"), CAROLS_FLOW);

        Eventually.until("the async observer ran", () -> sightings.of("async-recorder").isPresent());
        Sighting seen = sightings.of("async-recorder").orElseThrow();
        assertNotEquals(Thread.currentThread(), seen.thread());
        assertEquals(CAROLS_FLOW, seen.context());
        assertEquals(1, seen.storedEvents());
    }

    @Test
    void aFailingAsyncObserverDoesNotStopTheOthersAndIsReportedExactlyOnce() {
        BookAdded added = new BookAdded(DUNE, ASYNC_TROUBLE);

        commands.executeBlocking(new AddBook(DUNE, ASYNC_TROUBLE), CAROLS_FLOW);

        Eventually.until("the other async observer ran", () -> sightings.of("async-recorder").isPresent());
        UnhandledException reported = awaitTheOnlyFailure();
        assertEquals(added, reported.message());
        assertEquals("async", assertInstanceOf(ObserverFailure.class, reported.error()).getMessage());
        assertTrue(reported.handler().contains(AsyncShelfWatcher.class.getName()), reported.handler());
        assertEquals(1, store.streamVersion(books.streamId(DUNE)));
    }

    @Test
    void anObserverOfTheEventsSupertypeIsNotifiedToo() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));

        assertTrue(sightings.of("supertype-observer").isPresent());
    }

    @Test
    void anUnstoredNotificationReachesSyncObserversNowAndAsyncObserversLater() {
        events.publish(new ShelfInspected("north wing"));

        // the async observer may already have run too: only the sync one is known to have run by now
        assertSame(Thread.currentThread(), sightings.of("sync-inspection").orElseThrow().thread());
        Eventually.until("the async observer ran", () -> sightings.of("async-inspection").isPresent());
    }

    /** Waits until the failure arrived on both channels, then makes sure no second report follows. */
    private UnhandledException awaitTheOnlyFailure() {
        Eventually.until("the failure was reported", () -> !subscribed.isEmpty() && !failureLog.failures().isEmpty());
        try {
            Thread.sleep(QUIET_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        assertEquals(1, subscribed.size(), "reports to the subscriber");
        assertEquals(1, failureLog.failures().size(), "reports to CDI observers");
        assertEquals(1, unhandled.count(), "failures counted");
        assertSame(subscribed.get(0), failureLog.failures().get(0));
        return subscribed.get(0);
    }

    /** An in-process notification that is not stored. */
    record ShelfInspected(String wing) {
    }

    record Sighting(String observer, Thread thread, AsyncContext context, int storedEvents) {
    }

    static class ObserverFailure extends RuntimeException {
        ObserverFailure(String message) {
            super(message);
        }
    }

    /** Which observers ran, in order, where and in which context. */
    @ApplicationScoped
    static class Sightings {
        private final List<Sighting> sightings = new CopyOnWriteArrayList<>();

        void add(Sighting sighting) {
            sightings.add(sighting);
        }

        Optional<Sighting> of(String observer) {
            return sightings.stream().filter(s -> s.observer().equals(observer)).findFirst();
        }

        List<String> names() {
            return sightings.stream().map(Sighting::observer).toList();
        }
    }

    /** Observers share what they see through this. */
    abstract static class Watcher {
        @Inject
        Sightings sightings;

        @Inject
        EventStore store;

        @Inject
        Books books;

        @Inject
        CurrentContext current;

        void saw(String observer, BookAdded added) {
            int stored = store.readStream(books.streamId(added.book()), 1).size();
            sightings.add(new Sighting(observer, Thread.currentThread(), current.get().orElse(null), stored));
        }
    }

    @ApplicationScoped
    static class ShelfWatcher extends Watcher {
        void gatekeeper(@Observes @Priority(1) BookAdded added) {
            saw("sync-gatekeeper", added);
            if (SYNC_TROUBLE.equals(added.title())) {
                throw new ObserverFailure("sync");
            }
        }

        void recorder(@Observes @Priority(2) BookAdded added) {
            saw("sync-recorder", added);
        }

        void anyBookEvent(@Observes BookEvent event) {
            sightings.add(new Sighting("supertype-observer", Thread.currentThread(), null, 0));
        }

        void inspection(@Observes ShelfInspected inspected) {
            sightings.add(new Sighting("sync-inspection", Thread.currentThread(), null, 0));
        }
    }

    @ApplicationScoped
    static class AsyncShelfWatcher extends Watcher {
        void troublemaker(@ObservesAsync BookAdded added) {
            if (ASYNC_TROUBLE.equals(added.title())) {
                throw new ObserverFailure("async");
            }
        }

        void recorder(@ObservesAsync BookAdded added) {
            saw("async-recorder", added);
        }

        void inspection(@ObservesAsync ShelfInspected inspected) {
            sightings.add(new Sighting("async-inspection", Thread.currentThread(), null, 0));
        }
    }

    /** A CDI observer of the unhandled-exception stream. */
    @ApplicationScoped
    static class FailureLog {
        private final List<UnhandledException> failures = new CopyOnWriteArrayList<>();

        void on(@Observes UnhandledException failure) {
            failures.add(failure);
        }

        List<UnhandledException> failures() {
            return List.copyOf(failures);
        }
    }
}
