package io.annals.core.query;

import io.annals.core.context.AsyncContext;
import io.annals.core.context.ContextActivator;
import io.annals.core.context.DispatchOptions;
import io.annals.core.discovery.ApplicationInstances;
import io.annals.core.dispatch.AnnalsExecutor;
import io.annals.core.dispatch.HandlerRegistry;
import io.annals.core.dispatch.HandlerRegistry.ResolvedHandler;
import io.annals.core.dispatch.MessageValidator;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Dispatches queries to their handlers, validated and in an active request context with the
 * caller's {@link AsyncContext} restored, asynchronously or on the calling thread.
 */
@ApplicationScoped
public class QueryBus {

    @Inject
    HandlerRegistry handlers;

    @Inject
    ContextActivator contexts;

    @Inject
    MessageValidator validator;

    @Inject
    AnnalsExecutor executor;

    @Inject
    BeanManager beans;

    /** Core's collaborators are called directly, not through their client proxies ({@link ApplicationInstances}). */
    @PostConstruct
    void callCollaboratorsDirectly() {
        handlers = ApplicationInstances.behind(beans, HandlerRegistry.class, handlers);
        contexts = ApplicationInstances.behind(beans, ContextActivator.class, contexts);
        validator = ApplicationInstances.behind(beans, MessageValidator.class, validator);
    }

    public <R> CompletionStage<R> execute(Query<R> query) {
        Objects.requireNonNull(query, "query");
        return execute(query, contextFor(query));
    }

    public <R> CompletionStage<R> execute(Query<R> query, AsyncContext context) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(context, "context");
        try {
            return CompletableFuture.supplyAsync(() -> dispatch(query, caller -> context), executor.executor());
        } catch (RejectedExecutionException saturated) {
            return CompletableFuture.failedFuture(saturated);
        }
    }

    public <R> R executeBlocking(Query<R> query) {
        Objects.requireNonNull(query, "query");
        return dispatch(query, caller -> AsyncContext.of(query).or(() -> caller).orElseGet(AsyncContext::create));
    }

    public <R> R executeBlocking(Query<R> query, AsyncContext context) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(context, "context");
        return dispatch(query, caller -> context);
    }

    private AsyncContext contextFor(Object query) {
        return AsyncContext.of(query).or(contexts::callerContext).orElseGet(AsyncContext::create);
    }

    @SuppressWarnings("unchecked")
    private <R> R dispatch(Query<R> query, Function<Optional<AsyncContext>, AsyncContext> context) {
        ResolvedHandler handler = handlers.forQuery(query.getClass());
        QueryHandler<Query<R>, R> target = (QueryHandler<Query<R>, R>) handler.reference();
        return contexts.callIn(context, DispatchOptions.NONE, () -> {
            validator.validate(query);
            return target.execute(query);
        });
    }
}
