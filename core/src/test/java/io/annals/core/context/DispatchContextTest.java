package io.annals.core.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.annals.core.command.Command;
import io.annals.core.command.CommandBus;
import io.annals.core.command.CommandHandler;
import io.annals.core.query.Query;
import io.annals.core.query.QueryBus;
import io.annals.core.query.QueryHandler;
import io.annals.core.testing.AnnalsWeld;
import io.annals.core.testing.InMemoryStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * Every dispatch runs in an active request context with its {@link AsyncContext} restored, so
 * handlers and {@code @RequestScoped} beans see it, on the caller's thread and on the executor alike.
 */
@EnableWeld
class DispatchContextTest {

    private static final AsyncContext HTTP_REQUEST = AsyncContext.withCorrelation("http-flow").withPrincipal("alice");
    private static final AsyncContext EXPLICIT = AsyncContext.withCorrelation("explicit-flow").withPrincipal("bob");
    private static final AsyncContext ATTACHED = AsyncContext.withCorrelation("attached-flow").withPrincipal("carol");
    private static final long NEVER_SECONDS = 10;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(AnnalsWeld.weld(RequestView.class, InspectHandler.class,
                    NestingHandler.class, InspectQueryHandler.class, InMemoryStores.class))
            .activate(RequestScoped.class).inject(this).build();

    @Inject
    CommandBus commands;

    @Inject
    QueryBus queries;

    @Inject
    CurrentContext current;

    @Inject
    BeanManager beans;

    @Test
    void aRequestScopedBeanInjectedIntoAHandlerSeesTheDispatchContext() {
        Observation seen = commands.executeBlocking(new Inspect(), EXPLICIT);

        assertEquals(EXPLICIT, seen.byHandler());
        assertEquals(EXPLICIT, seen.byRequestScopedBean());
    }

    @Test
    void onTheExecutorARequestScopedBeanSeesTheDispatchContextToo() throws Exception {
        Observation seen = commands.execute(new Inspect(), EXPLICIT).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals(EXPLICIT, seen.byHandler());
        assertEquals(EXPLICIT, seen.byRequestScopedBean());
    }

    @Test
    void eachAsynchronousDispatchGetsAFreshRequestContext() throws Exception {
        for (int i = 0; i < 20; i++) {
            Observation seen = commands.execute(new Inspect(), EXPLICIT).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);
            assertEquals(1, seen.requestScopedBeanUses(), "a request-scoped bean is new in every dispatch on a worker thread");
        }
    }

    @Test
    void aDispatchFromAThreadWithoutRequestContextActivatesOneAndEndsIt() throws Exception {
        ThreadOutcome outcome = onPlainThread(() -> {
            Observation seen = commands.executeBlocking(new Inspect(), EXPLICIT);
            return new ThreadOutcome(seen, requestContextActive());
        });

        assertEquals(EXPLICIT, outcome.seen().byRequestScopedBean());
        assertFalse(outcome.requestContextActiveAfterwards(), "the dispatch deactivates the request context it activated");
    }

    @Test
    void withoutAnyContextADispatchStartsANewFlow() throws Exception {
        Observation first = onPlainThread(() -> commands.executeBlocking(new Inspect()));
        Observation second = onPlainThread(() -> commands.executeBlocking(new Inspect()));

        assertNotNull(first.byHandler().correlationId());
        assertNull(first.byHandler().principal());
        assertNotEquals(first.byHandler().correlationId(), second.byHandler().correlationId());
    }

    @Test
    void aDispatchInheritsTheContextOfTheCallersRequestAndLeavesItInPlace() {
        current.set(HTTP_REQUEST);

        Observation seen = commands.executeBlocking(new Inspect());

        assertEquals(HTTP_REQUEST, seen.byHandler());
        assertEquals(HTTP_REQUEST, current.get().orElseThrow());
    }

    @Test
    void anAsynchronousDispatchCarriesTheCallersContextToTheExecutor() throws Exception {
        current.set(HTTP_REQUEST);

        Observation seen = commands.execute(new Inspect()).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals(HTTP_REQUEST, seen.byHandler());
        assertEquals(HTTP_REQUEST, seen.byRequestScopedBean());
    }

    @Test
    void anExplicitContextWinsOverTheCallersAndTheCallersIsRestoredAfterwards() {
        current.set(HTTP_REQUEST);

        Observation seen = commands.executeBlocking(new Inspect(), EXPLICIT);

        assertEquals(EXPLICIT, seen.byHandler());
        assertEquals(HTTP_REQUEST, current.get().orElseThrow());
    }

    @Test
    void aContextAttachedToTheCommandWinsOverTheCallers() throws Exception {
        current.set(HTTP_REQUEST);

        Observation blocking = commands.executeBlocking(ATTACHED.attach(new Inspect()));
        Observation async = commands.execute(ATTACHED.attach(new Inspect())).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals(ATTACHED, blocking.byHandler());
        assertEquals(ATTACHED, async.byHandler());
        assertEquals(HTTP_REQUEST, current.get().orElseThrow());
    }

    @Test
    void aNestedBlockingDispatchInheritsTheOuterContextAndTheOuterOneIsRestoredAfter() {
        Nesting trace = commands.executeBlocking(new Nest(Mode.BLOCKING), EXPLICIT);

        assertEquals(EXPLICIT, trace.before());
        assertEquals(EXPLICIT, trace.inner().byHandler());
        assertEquals(EXPLICIT, trace.inner().byRequestScopedBean());
        assertEquals(EXPLICIT, trace.after());
    }

    @Test
    void aNestedAsynchronousDispatchInheritsTheOuterContext() throws Exception {
        Nesting trace = commands.execute(new Nest(Mode.ASYNC), EXPLICIT).toCompletableFuture().get(NEVER_SECONDS, TimeUnit.SECONDS);

        assertEquals(EXPLICIT, trace.inner().byHandler());
        assertEquals(EXPLICIT, trace.after());
    }

    @Test
    void aNestedDispatchWithItsOwnContextRunsInItAndTheOuterOneIsRestoredAfter() {
        Nesting trace = commands.executeBlocking(new Nest(Mode.OWN_CONTEXT), EXPLICIT);

        assertEquals(ATTACHED, trace.inner().byHandler());
        assertEquals(ATTACHED, trace.inner().byRequestScopedBean());
        assertEquals(EXPLICIT, trace.after());
    }

    @Test
    void aQueryRunsInTheDispatchContextOnBothPaths() throws Exception {
        assertEquals(EXPLICIT, queries.executeBlocking(new InspectQuery(), EXPLICIT).byRequestScopedBean());
        assertEquals(EXPLICIT, queries.execute(new InspectQuery(), EXPLICIT).toCompletableFuture()
                .get(NEVER_SECONDS, TimeUnit.SECONDS).byRequestScopedBean());
        current.set(HTTP_REQUEST);
        assertEquals(HTTP_REQUEST, queries.executeBlocking(new InspectQuery()).byHandler());
    }

    private boolean requestContextActive() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException inactive) {
            return false;
        }
    }

    private static <T> T onPlainThread(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error failure) {
                result.completeExceptionally(failure);
            }
        });
        thread.start();
        return result.get(NEVER_SECONDS, TimeUnit.SECONDS);
    }

    /** The context as the handler and a request-scoped bean saw it, and how often that bean was used in the request. */
    record Observation(AsyncContext byHandler, AsyncContext byRequestScopedBean, int requestScopedBeanUses) {
    }

    record Nesting(AsyncContext before, Observation inner, AsyncContext after) {
    }

    record ThreadOutcome(Observation seen, boolean requestContextActiveAfterwards) {
    }

    enum Mode { BLOCKING, ASYNC, OWN_CONTEXT }

    record Inspect() implements Command<Observation> {
    }

    record Nest(Mode mode) implements Command<Nesting> {
    }

    record InspectQuery() implements Query<Observation> {
    }

    /** A request-scoped collaborator, the way application code reads the context. */
    @RequestScoped
    static class RequestView {
        @Inject
        CurrentContext current;

        private int uses;

        AsyncContext context() {
            uses++;
            return current.get().orElse(null);
        }

        int uses() {
            return uses;
        }
    }

    @ApplicationScoped
    static class InspectHandler implements CommandHandler<Inspect, Observation> {
        @Inject
        CurrentContext current;

        @Inject
        RequestView view;

        @Override
        public Observation execute(Inspect command) {
            AsyncContext seen = view.context();
            return new Observation(current.get().orElse(null), seen, view.uses());
        }
    }

    @ApplicationScoped
    static class InspectQueryHandler implements QueryHandler<InspectQuery, Observation> {
        @Inject
        CurrentContext current;

        @Inject
        RequestView view;

        @Override
        public Observation execute(InspectQuery query) {
            AsyncContext seen = view.context();
            return new Observation(current.get().orElse(null), seen, view.uses());
        }
    }

    @ApplicationScoped
    static class NestingHandler implements CommandHandler<Nest, Nesting> {
        @Inject
        CurrentContext current;

        @Inject
        CommandBus commands;

        @Override
        public Nesting execute(Nest command) {
            AsyncContext before = current.get().orElse(null);
            Observation inner = switch (command.mode()) {
                case BLOCKING -> commands.executeBlocking(new Inspect());
                case ASYNC -> commands.execute(new Inspect()).toCompletableFuture().join();
                case OWN_CONTEXT -> commands.executeBlocking(new Inspect(), ATTACHED);
            };
            return new Nesting(before, inner, current.get().orElse(null));
        }
    }
}
