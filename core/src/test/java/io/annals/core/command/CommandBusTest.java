package io.annals.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.annals.core.context.AsyncContext;
import io.annals.core.context.CurrentContext;
import io.annals.core.context.DispatchOptions;
import io.annals.core.dispatch.NoHandlerException;
import io.annals.core.lending.AddBook;
import io.annals.core.lending.BookId;
import io.annals.core.lending.Books;
import io.annals.core.lending.Lending;
import io.annals.core.store.EventStore;
import io.annals.core.testing.AnnalsWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command bus: results, threads, explicit contexts, timeouts, missing handlers and failures. */
@EnableWeld
class CommandBusTest {

    private static final BookId DUNE = BookId.random();
    private static final AddBook ADD_DUNE = new AddBook(DUNE, "Dune");
    private static final AsyncContext ALICES_FLOW = AsyncContext.withCorrelation("flow-alice")
            .withCausation("http-request-7").withPrincipal("alice").withTenant("north").withAttribute("channel", "web");
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(50);
    private static final long NEVER_SECONDS = 10;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(Lending.beansWith(
                    Witness.class, EchoHandler.class, RefuseHandler.class, StallHandler.class)))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    Witness witness;

    @Inject
    Books books;

    @Inject
    EventStore store;

    @AfterEach
    void releaseStalledHandlers() {
        witness.release();
    }

    @Test
    void executeBlockingReturnsTheHandlersResult() {
        assertEquals(DUNE, commands.executeBlocking(ADD_DUNE));
        assertEquals("Dune", books.load(DUNE).title());
    }

    @Test
    void executeCompletesWithTheHandlersResult() throws Exception {
        assertEquals(DUNE, commands.execute(ADD_DUNE).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, store.streamVersion(books.streamId(DUNE)));
    }

    @Test
    void executeBlockingRunsTheHandlerOnTheCallersThread() {
        commands.executeBlocking(new Echo("here"));

        assertSame(Thread.currentThread(), witness.only().thread());
    }

    @Test
    void executeRunsTheHandlerOnTheExecutorNotOnTheCaller() throws Exception {
        assertEquals("there", commands.execute(new Echo("there")).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS));

        Thread handlerThread = witness.only().thread();
        assertNotEquals(Thread.currentThread(), handlerThread);
        assertTrue(handlerThread.getName().startsWith("annals-"), handlerThread.getName());
    }

    @Test
    void executeBlockingWithAContextRunsTheHandlerInIt() {
        commands.executeBlocking(new Echo("ctx"), ALICES_FLOW);

        assertEquals(ALICES_FLOW, witness.only().context());
    }

    @Test
    void executeWithAContextRunsTheHandlerInItOnTheExecutor() throws Exception {
        commands.execute(new Echo("ctx"), ALICES_FLOW).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals(ALICES_FLOW, witness.only().context());
    }

    @Test
    void executeBlockingWithOptionsRunsTheHandlerInTheGivenContext() {
        assertEquals("opts", commands.executeBlocking(new Echo("opts"), ALICES_FLOW, DispatchOptions.NONE));

        assertEquals(ALICES_FLOW, witness.only().context());
    }

    @Test
    void aCommandThatOutlivesItsTimeoutCompletesWithCommandTimeoutException() {
        CompletableFuture<String> stalled = commands.execute(new Stall(), ALICES_FLOW,
                DispatchOptions.NONE.timeout(SHORT_TIMEOUT)).toCompletableFuture();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> stalled.get(NEVER_SECONDS, TimeUnit.SECONDS));
        CommandTimeoutException timeout = assertInstanceOf(CommandTimeoutException.class, failed.getCause());
        assertTrue(timeout.getMessage().contains("Stall"), timeout.getMessage());
        assertTrue(timeout.getMessage().contains(SHORT_TIMEOUT.toString()), timeout.getMessage());
    }

    @Test
    void aCommandWithinItsTimeoutCompletesWithItsResult() throws Exception {
        String result = commands.execute(new Echo("quick"), ALICES_FLOW, DispatchOptions.NONE.timeout(Duration.ofSeconds(NEVER_SECONDS)))
                .toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals("quick", result);
    }

    @Test
    void aFailureWithinTheTimeoutIsTheHandlersOwnNotATimeout() {
        CompletableFuture<String> refused = commands.execute(new Refuse("no"), ALICES_FLOW,
                DispatchOptions.NONE.timeout(Duration.ofSeconds(NEVER_SECONDS))).toCompletableFuture();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> refused.get(NEVER_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(RefusedException.class, failed.getCause());
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> DispatchOptions.NONE.timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> DispatchOptions.NONE.timeout(Duration.ofMillis(-1)));
    }

    @Test
    void executeBlockingACommandWithoutHandlerFailsNamingTheCommandType() {
        NoHandlerException missing = assertThrows(NoHandlerException.class, () -> commands.executeBlocking(new Orphan()));

        assertEquals(Orphan.class, missing.messageType());
        assertTrue(missing.getMessage().contains(Orphan.class.getName()), missing.getMessage());
    }

    @Test
    void executeACommandWithoutHandlerCompletesExceptionallyNamingTheCommandType() {
        CompletableFuture<String> future = commands.execute(new Orphan()).toCompletableFuture();

        assertNotNull(future);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(NEVER_SECONDS, TimeUnit.SECONDS));
        NoHandlerException missing = assertInstanceOf(NoHandlerException.class, failed.getCause());
        assertTrue(missing.getMessage().contains(Orphan.class.getName()), missing.getMessage());
    }

    @Test
    void executeBlockingThrowsTheHandlersException() {
        RefusedException refused = assertThrows(RefusedException.class, () -> commands.executeBlocking(new Refuse("closed")));

        assertEquals("closed", refused.getMessage());
    }

    @Test
    void executeCompletesExceptionallyWithTheHandlersException() {
        CompletableFuture<String> future = commands.execute(new Refuse("closed")).toCompletableFuture();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(NEVER_SECONDS, TimeUnit.SECONDS));
        assertEquals("closed", assertInstanceOf(RefusedException.class, failed.getCause()).getMessage());
    }

    @Test
    void nullArgumentsAreRefusedNamingTheArgument() {
        assertEquals("command", assertThrows(NullPointerException.class, () -> commands.executeBlocking(null)).getMessage());
        assertEquals("context", assertThrows(NullPointerException.class,
                () -> commands.execute(new Echo("x"), null)).getMessage());
        assertEquals("options", assertThrows(NullPointerException.class,
                () -> commands.executeBlocking(new Echo("x"), ALICES_FLOW, null)).getMessage());
    }

    /** Answers with its text. */
    record Echo(String text) implements Command<String> {
    }

    /** Always refused by its handler. */
    record Refuse(String reason) implements Command<String> {
    }

    /** Its handler waits until the test ends. */
    record Stall() implements Command<String> {
    }

    /** Nobody handles it. */
    record Orphan() implements Command<String> {
    }

    static class RefusedException extends RuntimeException {
        RefusedException(String reason) {
            super(reason);
        }
    }

    /** Where and in which context handlers ran. */
    @ApplicationScoped
    static class Witness {
        private final List<Sighting> sightings = new CopyOnWriteArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);

        void saw(AsyncContext context) {
            sightings.add(new Sighting(Thread.currentThread(), context));
        }

        void release() {
            released.countDown();
        }

        void awaitRelease() throws InterruptedException {
            released.await(NEVER_SECONDS, TimeUnit.SECONDS);
        }

        Sighting only() {
            assertEquals(1, sightings.size(), "handler invocations");
            return sightings.get(0);
        }
    }

    record Sighting(Thread thread, AsyncContext context) {
    }

    @ApplicationScoped
    static class EchoHandler implements CommandHandler<Echo, String> {
        @Inject
        Witness witness;

        @Inject
        CurrentContext current;

        @Override
        public String execute(Echo command) {
            witness.saw(current.get().orElse(null));
            return command.text();
        }
    }

    @ApplicationScoped
    static class RefuseHandler implements CommandHandler<Refuse, String> {
        @Override
        public String execute(Refuse command) {
            throw new RefusedException(command.reason());
        }
    }

    @ApplicationScoped
    static class StallHandler implements CommandHandler<Stall, String> {
        @Inject
        Witness witness;

        @Override
        public String execute(Stall command) {
            try {
                witness.awaitRelease();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return "late";
        }
    }
}
