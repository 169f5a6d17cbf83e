package io.annals.core.context;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.annals.core.command.Command;
import io.annals.core.command.CommandBus;
import io.annals.core.command.CommandHandler;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.InMemoryStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
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

/**
 * Many dispatches with distinct contexts, interleaved on two caller threads and the executor's
 * pool: every handler invocation sees exactly its own correlation id and principal.
 */
@EnableWeld
class ContextIsolationTest {

    private static final int CALLERS = 2;
    private static final int COMMANDS_PER_CALLER = 1_000;
    private static final long NEVER_SECONDS = 60;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(RequestIdentity.class, WhoAmIHandler.class, InMemoryStores.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    WhoAmIHandler handler;

    @Test
    void interleavedCommandsOnTwoThreadsEachSeeExactlyTheirOwnContext() throws Exception {
        Queue<String> leaks = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                int callerId = caller;
                done.add(callers.submit(() -> {
                    start.await();
                    dispatchAll(callerId, leaks);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> caller : done) {
                caller.get(NEVER_SECONDS, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }

        assertEquals(List.of(), leaks.stream().limit(10).toList(), "handler invocations that saw another command's context");
        assertEquals(CALLERS * COMMANDS_PER_CALLER, handler.invocations());
    }

    /** Mixes the dispatch paths: blocking with a context, asynchronous in flight together, and attached. */
    private void dispatchAll(int caller, Queue<String> leaks) {
        List<CompletableFuture<Identity>> inFlight = new ArrayList<>();
        List<Identity> inFlightExpected = new ArrayList<>();
        for (int i = 0; i < COMMANDS_PER_CALLER; i++) {
            Identity expected = new Identity("flow-" + caller + "-" + i, "user-" + caller + "-" + i);
            AsyncContext context = AsyncContext.withCorrelation(expected.correlationId()).withPrincipal(expected.principal());
            WhoAmI command = new WhoAmI();
            switch (i % 3) {
                case 0 -> check(expected, commands.executeBlocking(command, context), leaks);
                case 1 -> {
                    inFlight.add(commands.execute(command, context).toCompletableFuture());
                    inFlightExpected.add(expected);
                }
                default -> check(expected, commands.executeBlocking(context.attach(command)), leaks);
            }
        }
        for (int i = 0; i < inFlight.size(); i++) {
            check(inFlightExpected.get(i), inFlight.get(i).orTimeout(NEVER_SECONDS, TimeUnit.SECONDS).join(), leaks);
        }
    }

    private static void check(Identity expected, Identity seen, Queue<String> leaks) {
        if (!expected.equals(seen)) {
            leaks.add("expected " + expected + " but the handler saw " + seen);
        }
    }

    record Identity(String correlationId, String principal) {
    }

    record WhoAmI() implements Command<Identity> {
    }

    /** Reads the context once per request and remembers it: a request context shared between dispatches would show. */
    @RequestScoped
    static class RequestIdentity {
        @Inject
        CurrentContext current;

        private Identity identity;

        Identity identity() {
            if (identity == null) {
                AsyncContext context = current.get().orElseThrow();
                identity = new Identity(context.correlationId(), context.principal());
            }
            return identity;
        }
    }

    @ApplicationScoped
    static class WhoAmIHandler implements CommandHandler<WhoAmI, Identity> {
        private final AtomicInteger invocations = new AtomicInteger();

        @Inject
        CurrentContext current;

        @Inject
        RequestIdentity requestIdentity;

        @Override
        public Identity execute(WhoAmI command) {
            invocations.incrementAndGet();
            AsyncContext context = current.get().orElseThrow();
            Identity direct = new Identity(context.correlationId(), context.principal());
            Identity remembered = requestIdentity.identity();
            return direct.equals(remembered) ? direct : new Identity(direct + " vs " + remembered, "mixed");
        }

        int invocations() {
            return invocations.get();
        }
    }
}
