package io.annals.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.context.CurrentContext;
import io.annals.core.event.EventDecodingException;
import io.annals.core.event.EventEnvelope;
import io.annals.core.event.UnhandledException;
import io.annals.core.event.UnhandledExceptions;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookId;
import io.annals.core.lending.BookLent;
import io.annals.core.lending.Books;
import io.annals.core.lending.LendBook;
import io.annals.core.lending.Lending;
import io.annals.core.lending.ReturnBook;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.store.NewEvent;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Projections fed from the global log: events in log order, a checkpoint that moves over events the
 * projection does not handle, status, in-memory checkpoints, and failures that are reported and passed.
 */
@EnableWeld
class ProjectionTest {

    private static final String SHELF = "shelf";
    private static final String RECENT = "recent";
    private static final String LINEAGE = "lineage";
    private static final AsyncContext GRACES_FLOW = AsyncContext.withCorrelation("flow-grace").withPrincipal("grace");
    private static final BookId DUNE = BookId.random();
    private static final BookId EMMA = BookId.random();
    private static final BookId ODYSSEY = BookId.random();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(ShelfProjection.class, RecentlyAdded.class,
                    Lineage.class)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    ProcessorRuntime processors;

    @Inject
    CheckpointStore checkpoints;

    @Inject
    ShelfProjection shelf;

    @Inject
    RecentlyAdded recent;

    @Inject
    Lineage lineage;

    @Inject
    EventStore store;

    @Inject
    Books books;

    @Inject
    UnhandledExceptions unhandled;

    private final List<UnhandledException> failures = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;

    @BeforeAll
    static void driveProcessorsByHand() {
        ManualProcessors.turnLoopsOff();
    }

    @AfterAll
    static void restoreProcessorLoops() {
        ManualProcessors.turnLoopsBackOn();
    }

    @BeforeEach
    void collectFailures() {
        subscription = unhandled.subscribe(failures::add);
    }

    @AfterEach
    void stopCollecting() throws Exception {
        subscription.close();
    }

    @Test
    void aProjectionReceivesItsEventsInLogOrderAcrossStreams() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        commands.executeBlocking(new AddBook(EMMA, "Emma"));
        commands.executeBlocking(new LendBook(DUNE, "alice"));
        commands.executeBlocking(new AddBook(ODYSSEY, "Odyssey"));

        processors.awaitIdle(PATIENCE);

        assertEquals(List.of("added Dune @1", "added Emma @2", "lent " + DUNE + " to alice", "added Odyssey @4"), shelf.lines());
    }

    @Test
    void aHandlerRunsInARequestContextCarryingTheEventsFlowWithTheEventAsCause() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"), GRACES_FLOW);

        processors.awaitIdle(PATIENCE);

        StoredEvent added = store.readStream(books.streamId(DUNE), 1).get(0);
        assertEquals(List.of(AsyncContext.withCorrelation("flow-grace").withCausation(added.eventId().toString())
                .withPrincipal("grace")), lineage.contexts());
    }

    @Test
    void eachEventOfABatchCarriesItsOwnFlowAndCause() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"), GRACES_FLOW);
        commands.executeBlocking(new AddBook(EMMA, "Emma"), AsyncContext.withCorrelation("flow-ada").withPrincipal("ada"));

        processors.awaitIdle(PATIENCE);

        StoredEvent dune = store.readStream(books.streamId(DUNE), 1).get(0);
        StoredEvent emma = store.readStream(books.streamId(EMMA), 1).get(0);
        assertEquals(List.of(
                AsyncContext.withCorrelation("flow-grace").withCausation(dune.eventId().toString()).withPrincipal("grace"),
                AsyncContext.withCorrelation("flow-ada").withCausation(emma.eventId().toString()).withPrincipal("ada")),
                lineage.contexts(), "both events were read in one batch");
    }

    @Test
    void theCheckpointMovesPastEventsTheProjectionDoesNotHandle() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        commands.executeBlocking(new LendBook(DUNE, "alice"));
        commands.executeBlocking(new ReturnBook(DUNE));

        processors.awaitIdle(PATIENCE);

        assertEquals(3, checkpoints.position(SHELF));
        assertEquals(2, shelf.lines().size());
    }

    @Test
    void statusShowsPositionHeadLagAndState() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        commands.executeBlocking(new LendBook(DUNE, "alice"));
        TrackingProcessor projection = processors.processor(SHELF).orElseThrow();

        assertProgress(projection.status(), 0, 2, 2);
        processors.awaitIdle(PATIENCE);
        assertProgress(projection.status(), 2, 2, 0);
    }

    private static void assertProgress(ProcessorStatus status, long position, long head, long lag) {
        assertEquals(SHELF, status.name());
        assertEquals(ProcessorKind.PROJECTION, status.kind());
        assertEquals(List.of(position, head, lag), List.of(status.position(), status.head(), status.lag()));
        assertEquals(ProcessorState.RUNNING, status.state());
        assertEquals(null, status.lastError());
        assertEquals(null, status.progress(), "no rebuild is running");
    }

    @Test
    void theRuntimeListsEveryProcessorByName() {
        assertEquals(List.of(LINEAGE, RECENT, SHELF), processors.statuses().stream().map(ProcessorStatus::name).toList());
        assertTrue(processors.processor("nonexistent").isEmpty());
    }

    @Test
    void anInMemoryProjectionKeepsItsCheckpointOutOfTheCheckpointStore() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        commands.executeBlocking(new AddBook(EMMA, "Emma"));

        processors.awaitIdle(PATIENCE);

        assertEquals(List.of("Dune", "Emma"), recent.titles());
        assertEquals(2, processors.processor(RECENT).orElseThrow().status().position());
        assertEquals(0, checkpoints.position(RECENT), "an in-memory read model replays on every start");
        assertEquals(2, checkpoints.position(SHELF), "a durable projection's checkpoint is in the store");
    }

    @Test
    void aResetCheckpointReplaysTheLogFromTheStart() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        processors.awaitIdle(PATIENCE);

        checkpoints.reset(SHELF);
        processors.awaitIdle(PATIENCE);

        assertEquals(List.of("added Dune @1", "added Dune @1"), shelf.lines());
    }

    @Test
    void aFailingHandlerIsRetriedThenReportedAndTheProjectionMovesOn() {
        commands.executeBlocking(new AddBook(DUNE, ShelfProjection.UNSHELVABLE));
        commands.executeBlocking(new AddBook(EMMA, "Emma"));

        processors.awaitIdle(PATIENCE);

        assertEquals(3, shelf.attemptsOnUnshelvable(), "the bounded retries");
        assertEquals(List.of("added Emma @2"), shelf.lines());
        assertEquals(1, failures.size());
        StoredEvent unshelvable = store.readStream(books.streamId(DUNE), 1).get(0);
        assertEquals(unshelvable, failures.get(0).message(), "the stream reports the stored event it gave up on");
        assertEquals(SHELF, failures.get(0).handler());
        ProcessorStatus status = processors.processor(SHELF).orElseThrow().status();
        assertEquals(2, status.position());
        assertTrue(status.lastError().contains(ShelfProjection.UNSHELVABLE), status.lastError());
    }

    @Test
    void anEventThatCannotBeDecodedIsReportedAndPassed() {
        store.append(books.streamId(DUNE), ExpectedVersion.NO_STREAM,
                List.of(new NewEvent(UUID.randomUUID(), "BookAdded", 1, "{\"book\":{\"value\":\"not a uuid\"}}", null)));
        commands.executeBlocking(new AddBook(EMMA, "Emma"));

        processors.awaitIdle(PATIENCE);

        assertEquals(List.of("added Emma @2"), shelf.lines());
        assertEquals(List.of(LINEAGE, RECENT, SHELF), failures.stream().map(UnhandledException::handler).sorted().toList(),
                "one report per projection that handles the type");
        StoredEvent undecodable = store.readStream(books.streamId(DUNE), 1).get(0);
        for (UnhandledException failure : failures) {
            assertSame(UndeliverableEventException.class, failure.error().getClass());
            assertSame(EventDecodingException.class, failure.error().getCause().getClass());
            assertEquals(undecodable, failure.message());
        }
    }

    @Test
    void aProcessorRegisteredAtRunTimeIsFedLikeTheOthers() {
        List<Object> forwarded = new CopyOnWriteArrayList<>();
        processors.register(new EventProcessor() {
            @Override
            public String name() {
                return "log-forwarder";
            }

            @Override
            public ProcessorKind kind() {
                return ProcessorKind.FORWARDER;
            }

            @Override
            public Set<Class<?>> eventTypes() {
                return Set.of(BookLent.class);
            }

            @Override
            public void handle(EventEnvelope<?> event) {
                forwarded.add(event.payload());
            }
        });
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        commands.executeBlocking(new LendBook(DUNE, "alice"));

        processors.awaitIdle(PATIENCE);

        assertEquals(List.of(new BookLent(DUNE, "alice")), forwarded);
        assertEquals(ProcessorKind.FORWARDER, processors.processor("log-forwarder").orElseThrow().status().kind());
    }

    @Test
    void twoProcessorsCannotShareAName() {
        IllegalStateException clash = assertThrows(IllegalStateException.class, () -> processors.register(new EventProcessor() {
            @Override
            public String name() {
                return SHELF;
            }

            @Override
            public ProcessorKind kind() {
                return ProcessorKind.FORWARDER;
            }

            @Override
            public Set<Class<?>> eventTypes() {
                return Set.of();
            }

            @Override
            public void handle(EventEnvelope<?> event) {
            }
        }));
        assertTrue(clash.getMessage().contains(SHELF), clash.getMessage());
    }

    @Test
    void aProcessorWithoutErrorsHasNoLastError() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));

        processors.awaitIdle(PATIENCE);

        assertNull(processors.processor(SHELF).orElseThrow().status().lastError());
    }

    /** The shelf as readers see it: one line per event, in the order it was fed. */
    @Projection(SHELF)
    @ApplicationScoped
    static class ShelfProjection {
        static final String UNSHELVABLE = "Unshelvable";

        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final AtomicInteger attemptsOnUnshelvable = new AtomicInteger();

        @EventHandler
        void on(BookAdded added, EventEnvelope<BookAdded> envelope) {
            if (UNSHELVABLE.equals(added.title())) {
                attemptsOnUnshelvable.incrementAndGet();
                throw new IllegalStateException("no room for " + UNSHELVABLE);
            }
            lines.add("added " + added.title() + " @" + envelope.position());
        }

        @EventHandler
        void on(BookLent lent) {
            lines.add("lent " + lent.book() + " to " + lent.borrower());
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        int attemptsOnUnshelvable() {
            return attemptsOnUnshelvable.get();
        }
    }

    /** Notes the context its handler runs in. */
    @Projection(value = LINEAGE, inMemory = true)
    @ApplicationScoped
    static class Lineage {
        private final List<AsyncContext> contexts = new CopyOnWriteArrayList<>();

        @Inject
        CurrentContext current;

        @EventHandler
        void on(BookAdded added) {
            contexts.add(current.get().orElse(null));
        }

        List<AsyncContext> contexts() {
            return List.copyOf(contexts);
        }
    }

    /** A read model that lives in memory. */
    @Projection(value = RECENT, inMemory = true)
    @ApplicationScoped
    static class RecentlyAdded {
        private final List<String> titles = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(BookAdded added) {
            titles.add(added.title());
        }

        List<String> titles() {
            return List.copyOf(titles);
        }
    }
}
