package io.annals.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.Command;
import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.event.EventEnvelope;
import io.annals.core.event.EventSerializer;
import io.annals.core.event.UnhandledException;
import io.annals.core.event.UnhandledExceptions;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookId;
import io.annals.core.lending.BookLent;
import io.annals.core.lending.BookReturned;
import io.annals.core.lending.Books;
import io.annals.core.lending.Lending;
import io.annals.core.lending.LendBook;
import io.annals.core.lending.ReturnBook;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.StoredEvent;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * Sagas driven by the checkpointed processor over the global log: their commands keep the flow's
 * correlation id with the event as causation, re-delivery does not act twice, a saga may return
 * several commands or none, and a failing step is reported once while the processor moves on.
 */
@EnableWeld
class SagaTest {

    private static final String CURATOR = "curator";
    private static final String SAGA = "Curator";
    private static final BookId DUNE = BookId.random();
    private static final BookId EMMA = BookId.random();
    private static final AsyncContext FRANKS_FLOW = AsyncContext.withCorrelation("flow-frank").withPrincipal("frank");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(Curator.class)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    ProcessorRuntime processors;

    @Inject
    CheckpointStore checkpoints;

    @Inject
    Curator curator;

    @Inject
    Books books;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

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
    void aSagasCommandKeepsTheCorrelationIdAndNamesTheEventAsItsCause() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"), FRANKS_FLOW);

        processors.awaitIdle(PATIENCE);

        List<StoredEvent> stream = store.readStream(books.streamId(DUNE), 1);
        assertEquals(List.of(new BookAdded(DUNE, "Dune"), new BookLent(DUNE, CURATOR), new BookReturned(DUNE)), payloads(stream));
        assertEquals(new EventMetadata("flow-frank", null, "frank", null), stream.get(0).metadata());
        assertEquals(new EventMetadata("flow-frank", stream.get(0).eventId().toString(), "frank", null), stream.get(1).metadata());
        assertEquals(new EventMetadata("flow-frank", stream.get(1).eventId().toString(), "frank", null), stream.get(2).metadata());
    }

    @Test
    void aSagaStepThatWantsTheEnvelopeGetsTheStoredEventsCoordinates() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"), FRANKS_FLOW);

        processors.awaitIdle(PATIENCE);

        StoredEvent lent = store.readStream(books.streamId(DUNE), 2).get(0);
        EventEnvelope<?> envelope = curator.envelopes().get(0);
        assertEquals(lent.eventId(), envelope.eventId());
        assertEquals(lent.position(), envelope.position());
        assertEquals(books.streamId(DUNE), envelope.streamId());
        assertEquals(2, envelope.version());
        assertEquals("BookLent", envelope.type());
        assertEquals(new BookLent(DUNE, CURATOR), envelope.payload());
    }

    @Test
    void reDeliveringEventsToASagaDoesNotActTwice() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"), FRANKS_FLOW);
        processors.awaitIdle(PATIENCE);
        long head = store.headPosition();
        int deliveries = curator.deliveries();

        checkpoints.reset(SAGA);
        processors.awaitIdle(PATIENCE);

        assertEquals(2 * deliveries, curator.deliveries(), "every event was delivered again");
        assertEquals(head, store.headPosition(), "no command acted a second time");
        assertEquals(List.of(), failures, "a repeated LendBook would have been refused had it run again");
    }

    @Test
    void aSagaCanAnswerOneEventWithSeveralCommands() {
        commands.executeBlocking(new AddBook(DUNE, Curator.TWINS), FRANKS_FLOW);

        processors.awaitIdle(PATIENCE);

        StoredEvent cause = store.readStream(books.streamId(DUNE), 1).get(0);
        for (int twin = 1; twin <= 2; twin++) {
            StoredEvent added = store.readStream(books.streamId(Curator.twin(DUNE, twin)), 1).get(0);
            assertEquals(new BookAdded(Curator.twin(DUNE, twin), Curator.QUIET + " twin " + twin), serializer.payloadOf(added));
            assertEquals(cause.eventId().toString(), added.metadata().causationId());
            assertEquals("flow-frank", added.metadata().correlationId());
        }
    }

    @Test
    void aSagaCanAnswerWithNothing() {
        commands.executeBlocking(new AddBook(DUNE, Curator.QUIET), FRANKS_FLOW);
        commands.executeBlocking(new AddBook(EMMA, Curator.SILENT), FRANKS_FLOW);
        long head = store.headPosition();

        processors.awaitIdle(PATIENCE);

        assertEquals(head, store.headPosition());
        assertEquals(2, curator.deliveries());
        assertEquals(head, processors.processor(SAGA).orElseThrow().status().position());
    }

    @Test
    void aFailingSagaStepIsRetriedThenReportedOnceAndTheProcessorMovesOn() {
        commands.executeBlocking(new AddBook(DUNE, Curator.CURSED), FRANKS_FLOW);
        commands.executeBlocking(new AddBook(EMMA, "Emma"), FRANKS_FLOW);

        processors.awaitIdle(PATIENCE);

        assertEquals(1, failures.size(), "reports of the failing step");
        UnhandledException failure = failures.get(0);
        assertEquals(store.readStream(books.streamId(DUNE), 1).get(0), failure.message(), "the stored event given up on");
        assertInstanceOf(CurseException.class, failure.error());
        assertEquals(SAGA, failure.handler());
        assertEquals(1 + 3, curator.attemptsFor(DUNE), "the batch's try, then the bounded retries of the event alone");
        assertEquals(3, store.streamVersion(books.streamId(EMMA)), "the next event still got its reaction");
        ProcessorStatus status = processors.processor(SAGA).orElseThrow().status();
        assertEquals(store.headPosition(), status.position());
        assertEquals(ProcessorKind.SAGA, status.kind());
        assertTrue(status.lastError().contains(CurseException.MESSAGE), status.lastError());
    }

    private List<Object> payloads(List<StoredEvent> stored) {
        return stored.stream().map(serializer::payloadOf).toList();
    }

    static class CurseException extends RuntimeException {
        static final String MESSAGE = "this book is cursed";

        CurseException() {
            super(MESSAGE);
        }
    }

    /**
     * Lends every new book to the curator, who returns it at once. Books titled {@link #QUIET} or
     * {@link #SILENT} get no reaction, {@link #TWINS} gets two quiet copies, {@link #CURSED} fails.
     */
    @ApplicationScoped
    static class Curator {
        static final String QUIET = "Quiet";
        static final String SILENT = "Silent";
        static final String TWINS = "Twins";
        static final String CURSED = "Cursed";

        private final AtomicInteger deliveries = new AtomicInteger();
        private final Map<BookId, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final List<EventEnvelope<?>> envelopes = new CopyOnWriteArrayList<>();

        static BookId twin(BookId original, int number) {
            return new BookId(UUID.nameUUIDFromBytes((original + "/" + number).getBytes(StandardCharsets.UTF_8)));
        }

        @Saga
        List<Command<?>> lendNewBooks(BookAdded added) {
            deliveries.incrementAndGet();
            attempts.computeIfAbsent(added.book(), b -> new AtomicInteger()).incrementAndGet();
            if (added.title().startsWith(QUIET)) {
                return List.of();
            }
            return switch (added.title()) {
                case SILENT -> null;
                case CURSED -> throw new CurseException();
                case TWINS -> List.of(new AddBook(twin(added.book(), 1), QUIET + " twin 1"),
                        new AddBook(twin(added.book(), 2), QUIET + " twin 2"));
                default -> List.of(new LendBook(added.book(), CURATOR));
            };
        }

        @Saga
        ReturnBook returnAtOnce(BookLent lent, EventEnvelope<BookLent> envelope) {
            deliveries.incrementAndGet();
            envelopes.add(envelope);
            return CURATOR.equals(lent.borrower()) ? new ReturnBook(lent.book()) : null;
        }

        @Saga
        void noteReturn(BookReturned returned) {
            deliveries.incrementAndGet();
        }

        int deliveries() {
            return deliveries.get();
        }

        int attemptsFor(BookId book) {
            return attempts.getOrDefault(book, new AtomicInteger()).get();
        }

        List<EventEnvelope<?>> envelopes() {
            return List.copyOf(envelopes);
        }
    }
}
