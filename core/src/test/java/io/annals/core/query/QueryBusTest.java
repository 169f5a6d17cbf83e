package io.annals.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.command.CommandBus;
import io.annals.core.context.AsyncContext;
import io.annals.core.context.CurrentContext;
import io.annals.core.dispatch.NoHandlerException;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookId;
import io.annals.core.lending.BookView;
import io.annals.core.lending.GetBook;
import io.annals.core.lending.LendBook;
import io.annals.core.lending.Lending;
import io.annals.core.lending.UnknownBookException;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** The query bus: results, threads, explicit contexts, missing handlers and failures. */
@EnableWeld
class QueryBusTest {

    private static final BookId DUNE = BookId.random();
    private static final BookId NOWHERE = BookId.random();
    private static final AsyncContext BOBS_FLOW = AsyncContext.withCorrelation("flow-bob").withPrincipal("bob");
    private static final long NEVER_SECONDS = 10;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(WhereAmIHandler.class, Witness.class)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    QueryBus queries;

    @Inject
    CommandBus commands;

    @Inject
    Witness witness;

    @Test
    void executeBlockingReturnsTheHandlersAnswer() {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));
        commands.executeBlocking(new LendBook(DUNE, "bob"));

        assertEquals(new BookView(DUNE, "Dune", "bob", 2), queries.executeBlocking(new GetBook(DUNE)));
    }

    @Test
    void executeCompletesWithTheHandlersAnswer() throws Exception {
        commands.executeBlocking(new AddBook(DUNE, "Dune"));

        BookView view = queries.execute(new GetBook(DUNE)).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals(new BookView(DUNE, "Dune", null, 1), view);
    }

    @Test
    void executeBlockingRunsTheHandlerOnTheCallersThread() {
        queries.executeBlocking(new WhereAmI());

        assertSame(Thread.currentThread(), witness.only().thread());
    }

    @Test
    void executeRunsTheHandlerOnTheExecutor() throws Exception {
        queries.execute(new WhereAmI()).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertNotEquals(Thread.currentThread(), witness.only().thread());
    }

    @Test
    void executeBlockingWithAContextRunsTheHandlerInIt() {
        queries.executeBlocking(new WhereAmI(), BOBS_FLOW);

        assertEquals(BOBS_FLOW, witness.only().context());
    }

    @Test
    void executeWithAContextRunsTheHandlerInItOnTheExecutor() throws Exception {
        queries.execute(new WhereAmI(), BOBS_FLOW).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals(BOBS_FLOW, witness.only().context());
    }

    @Test
    void aQueryWithoutContextRunsInANewFlow() {
        queries.executeBlocking(new WhereAmI());

        AsyncContext seen = witness.only().context();
        assertNotNull(seen.correlationId());
        assertEquals(null, seen.principal());
    }

    @Test
    void executeBlockingAQueryWithoutHandlerFailsNamingTheQueryType() {
        NoHandlerException missing = assertThrows(NoHandlerException.class, () -> queries.executeBlocking(new Unanswered()));

        assertEquals(Unanswered.class, missing.messageType());
        assertTrue(missing.getMessage().contains(Unanswered.class.getName()), missing.getMessage());
    }

    @Test
    void executeAQueryWithoutHandlerCompletesExceptionally() {
        CompletableFuture<String> future = queries.execute(new Unanswered()).toCompletableFuture();

        assertNotNull(future);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(NEVER_SECONDS, TimeUnit.SECONDS));
        assertTrue(assertInstanceOf(NoHandlerException.class, failed.getCause()).getMessage().contains(Unanswered.class.getName()));
    }

    @Test
    void executeBlockingThrowsTheHandlersException() {
        UnknownBookException unknown = assertThrows(UnknownBookException.class, () -> queries.executeBlocking(new GetBook(NOWHERE)));

        assertTrue(unknown.getMessage().contains(NOWHERE.toString()), unknown.getMessage());
    }

    @Test
    void executeCompletesExceptionallyWithTheHandlersException() {
        CompletableFuture<BookView> future = queries.execute(new GetBook(NOWHERE)).toCompletableFuture();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(NEVER_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(UnknownBookException.class, failed.getCause());
    }

    @Test
    void nullArgumentsAreRefusedNamingTheArgument() {
        assertEquals("query", assertThrows(NullPointerException.class, () -> queries.executeBlocking(null)).getMessage());
        assertEquals("context", assertThrows(NullPointerException.class,
                () -> queries.execute(new WhereAmI(), null)).getMessage());
    }

    /** Answers with nothing; its handler notes where it ran. */
    record WhereAmI() implements Query<String> {
    }

    /** Nobody answers it. */
    record Unanswered() implements Query<String> {
    }

    record Sighting(Thread thread, AsyncContext context) {
    }

    /** Where and in which context handlers ran. */
    @ApplicationScoped
    static class Witness {
        private final List<Sighting> sightings = new CopyOnWriteArrayList<>();

        void saw(AsyncContext context) {
            sightings.add(new Sighting(Thread.currentThread(), context));
        }

        Sighting only() {
            assertEquals(1, sightings.size(), "handler invocations");
            return sightings.get(0);
        }
    }

    @ApplicationScoped
    static class WhereAmIHandler implements QueryHandler<WhereAmI, String> {
        @Inject
        Witness witness;

        @Inject
        CurrentContext current;

        @Override
        public String execute(WhereAmI query) {
            witness.saw(current.get().orElse(null));
            return Thread.currentThread().getName();
        }
    }
}
