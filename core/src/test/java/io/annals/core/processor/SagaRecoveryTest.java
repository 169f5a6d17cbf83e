package io.annals.core.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.annals.core.command.CommandBus;
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
import io.annals.core.store.EventStore;
import io.annals.core.store.InMemoryEventStore;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A saga's command that took effect but whose outcome was lost (the process failed between the
 * append and recording the outcome) counts as done when the event is delivered again.
 */
@EnableWeld
class SagaRecoveryTest {

    private static final BookId DUNE = BookId.random();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.BEANS)
                    .addBeanClasses(SagaTest.Curator.class, ForgetfulStores.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    ProcessorRuntime processors;

    @Inject
    UnhandledExceptions unhandled;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    @Inject
    Books books;

    @BeforeAll
    static void driveProcessorsByHand() {
        ManualProcessors.turnLoopsOff();
    }

    @AfterAll
    static void restoreProcessorLoops() {
        ManualProcessors.turnLoopsBackOn();
    }

    @Test
    void aSagaCommandWhoseOutcomeWasLostIsNotReportedAsAFailureWhenRedelivered() throws Exception {
        List<UnhandledException> failures = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = unhandled.subscribe(failures::add);
        try {
            commands.executeBlocking(new AddBook(DUNE, "Dune"));

            processors.awaitIdle(PATIENCE);
        } finally {
            subscription.close();
        }

        assertEquals(List.of(), failures);
        assertEquals(List.of(new BookAdded(DUNE, "Dune"), new BookLent(DUNE, "curator"), new BookReturned(DUNE)),
                store.readStream(books.streamId(DUNE), 1).stream().map(serializer::payloadOf).toList());
    }

    /** The in-memory store, failing to record the first command outcome it is given. */
    static class ForgetfulEventStore extends InMemoryEventStore {
        private final AtomicBoolean forgotOnce = new AtomicBoolean();

        @Override
        public void recordCommandOutcome(UUID commandId, String outcome) {
            if (forgotOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("connection lost before the outcome was recorded");
            }
            super.recordCommandOutcome(commandId, outcome);
        }
    }

    @ApplicationScoped
    static class ForgetfulStores {
        @Produces
        @ApplicationScoped
        EventStore eventStore() {
            return new ForgetfulEventStore();
        }

        @Produces
        @ApplicationScoped
        CheckpointStore checkpointStore() {
            return new InMemoryCheckpointStore();
        }
    }
}
