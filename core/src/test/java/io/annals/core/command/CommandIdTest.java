package io.annals.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.annals.core.context.AsyncContext;
import io.annals.core.context.DispatchOptions;
import io.annals.core.event.EventSerializer;
import io.annals.core.lending.Book;
import io.annals.core.lending.BookAdded;
import io.annals.core.lending.BookId;
import io.annals.core.lending.Books;
import io.annals.core.lending.Lending;
import io.annals.core.store.EventMetadata;
import io.annals.core.store.EventStore;
import io.annals.core.store.ExpectedVersion;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** A command with an id runs at most once; a repeat answers with the first outcome. */
@EnableWeld
class CommandIdTest {

    private static final BookId DUNE = BookId.random();
    private static final BookId EMMA = BookId.random();
    private static final UUID COMMAND_ID = UUID.randomUUID();
    private static final AsyncContext EVES_FLOW = AsyncContext.withCorrelation("flow-eve").withPrincipal("eve");
    private static final int RACERS = 8;
    private static final long NEVER_SECONDS = 10;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(ShelveCopyHandler.class)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    ShelveCopyHandler handler;

    @Inject
    Books books;

    @Inject
    EventStore store;

    @Inject
    EventSerializer serializer;

    @Test
    void aCommandDispatchedTwiceWithOneIdRunsOnceAndTheRepeatReturnsTheFirstOutcome() {
        Receipt first = commands.executeBlocking(new ShelveCopy(DUNE, "Dune"), EVES_FLOW, DispatchOptions.withCommandId(COMMAND_ID));
        Receipt repeat = commands.executeBlocking(new ShelveCopy(DUNE, "Dune"), EVES_FLOW, DispatchOptions.withCommandId(COMMAND_ID));

        assertEquals(first, repeat);
        assertEquals(1, handler.invocations());
        assertEquals(1, store.streamVersion(books.streamId(DUNE)));
    }

    @Test
    void aRepeatOnTheAsynchronousPathReturnsTheFirstOutcomeToo() throws Exception {
        Receipt first = commands.execute(new ShelveCopy(DUNE, "Dune"), EVES_FLOW, DispatchOptions.withCommandId(COMMAND_ID))
                .toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);
        Receipt repeat = commands.execute(new ShelveCopy(DUNE, "Dune"), EVES_FLOW, DispatchOptions.withCommandId(COMMAND_ID))
                .toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals(first, repeat);
        assertEquals(1, handler.invocations());
    }

    @Test
    void commandsWithDifferentIdsBothRun() {
        Receipt dune = commands.executeBlocking(new ShelveCopy(DUNE, "Dune"), EVES_FLOW, DispatchOptions.withCommandId(COMMAND_ID));
        Receipt emma = commands.executeBlocking(new ShelveCopy(EMMA, "Emma"), EVES_FLOW,
                DispatchOptions.withCommandId(UUID.randomUUID()));

        assertNotEquals(dune, emma);
        assertEquals(2, handler.invocations());
    }

    @Test
    void concurrentDuplicatesTakeEffectOnceAndAllAnswerWithTheSameOutcome() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        List<Future<Receipt>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < RACERS; i++) {
                answers.add(racers.submit(() -> {
                    start.await();
                    return commands.executeBlocking(new ShelveCopy(DUNE, "Dune"), EVES_FLOW,
                            DispatchOptions.withCommandId(COMMAND_ID));
                }));
            }
            start.countDown();
            Receipt first = answers.get(0).get(NEVER_SECONDS, TimeUnit.SECONDS);
            for (Future<Receipt> answer : answers) {
                assertEquals(first, answer.get(NEVER_SECONDS, TimeUnit.SECONDS));
            }
        } finally {
            racers.shutdownNow();
        }

        assertEquals(List.of(new BookAdded(DUNE, "Dune")), store.readStream(books.streamId(DUNE), 1).stream()
                .map(serializer::payloadOf).toList());
    }

    @Test
    void aCommandWhoseEventsAreStoredButWhoseOutcomeWasNeverRecordedIsNotRunAgain() {
        store.append(books.streamId(DUNE), ExpectedVersion.NO_STREAM,
                List.of(serializer.toNewEvent(new BookAdded(DUNE, "Dune"), EventMetadata.EMPTY)), COMMAND_ID);

        CommandAlreadyProcessedException processed = assertThrows(CommandAlreadyProcessedException.class,
                () -> commands.executeBlocking(new ShelveCopy(DUNE, "Dune"), EVES_FLOW, DispatchOptions.withCommandId(COMMAND_ID)));

        assertEquals(COMMAND_ID, processed.commandId());
        assertEquals(0, handler.invocations());
        assertEquals(1, store.streamVersion(books.streamId(DUNE)));
    }

    /** Shelves a copy of a book; the receipt has a fresh id each time the handler runs. */
    record ShelveCopy(BookId book, String title) implements Command<Receipt> {
    }

    record Receipt(UUID receiptId, long version) {
    }

    @ApplicationScoped
    static class ShelveCopyHandler implements CommandHandler<ShelveCopy, Receipt> {
        private final AtomicInteger invocations = new AtomicInteger();

        @Inject
        Books books;

        @Override
        public Receipt execute(ShelveCopy command) {
            invocations.incrementAndGet();
            Book book = books.create(command.book());
            book.add(command.title());
            return new Receipt(UUID.randomUUID(), books.save(book));
        }

        int invocations() {
            return invocations.get();
        }
    }
}
