package io.annals.core.event;

import io.annals.core.context.AsyncContext;
import io.annals.core.context.ContextActivator;
import io.annals.core.context.DispatchOptions;
import io.annals.core.discovery.ApplicationInstances;
import io.annals.core.dispatch.AnnalsExecutor;
import io.annals.core.store.EventMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * Notifies CDI observers of events that are already stored. {@code @Observes} observers run on the
 * publishing thread, in priority order; {@code @ObservesAsync} observers each run on the executor in
 * the publisher's context. Every observer is called on its own: one that throws neither stops the
 * others nor undoes anything; its failure goes to {@link UnhandledExceptions}.
 */
@ApplicationScoped
public class EventBus {

    private final Map<Class<?>, Observers> observersByType = new ConcurrentHashMap<>();

    @Inject
    BeanManager beans;

    @Inject
    ContextActivator contexts;

    @Inject
    AnnalsExecutor executor;

    @Inject
    UnhandledExceptions unhandled;

    /** Core's collaborators are called directly, not through their client proxies ({@link ApplicationInstances}). */
    @PostConstruct
    void callCollaboratorsDirectly() {
        contexts = ApplicationInstances.behind(beans, ContextActivator.class, contexts);
    }

    /** Publishes stored events: synchronous observers now, asynchronous ones afterwards. */
    public void publish(List<? extends EventEnvelope<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        AsyncContext context = contexts.callerContext().orElseGet(() -> contextOf(events.get(0).metadata()));
        for (EventEnvelope<?> event : events) {
            notifySync(event.payload());
        }
        for (EventEnvelope<?> event : events) {
            notifyAsync(event.payload(), context);
        }
    }

    /** Publishes an event that is not stored (an in-process notification), in the caller's context. */
    public void publish(Object event) {
        AsyncContext context = contexts.callerContext().orElseGet(AsyncContext::create);
        notifySync(event);
        notifyAsync(event, context);
    }

    private void notifySync(Object payload) {
        for (ObserverMethod<Object> observer : observersOf(payload).sync()) {
            try {
                observer.notify(Delivery.of(payload));
            } catch (RuntimeException failure) {
                unhandled.publish(payload, failure, describe(observer));
            }
        }
    }

    private void notifyAsync(Object payload, AsyncContext context) {
        for (ObserverMethod<Object> observer : observersOf(payload).async()) {
            try {
                executor.executor().execute(() -> contexts.runIn(context, DispatchOptions.NONE, () -> {
                    try {
                        observer.notify(Delivery.of(payload));
                    } catch (RuntimeException failure) {
                        unhandled.publish(payload, failure, describe(observer));
                    }
                }));
            } catch (RejectedExecutionException saturated) {
                unhandled.publish(payload, saturated, describe(observer));
            }
        }
    }

    private Observers observersOf(Object payload) {
        // observers are fixed after deployment, so the first instance of a class resolves them for all
        return observersByType.computeIfAbsent(payload.getClass(), t -> {
            List<ObserverMethod<Object>> sorted = Delivery.observersOf(beans, payload);
            return new Observers(sorted.stream().filter(o -> !o.isAsync()).toList(),
                    sorted.stream().filter(ObserverMethod::isAsync).toList());
        });
    }

    private static AsyncContext contextOf(EventMetadata metadata) {
        AsyncContext context = metadata.correlationId() == null ? AsyncContext.create()
                : AsyncContext.withCorrelation(metadata.correlationId());
        return context.withCausation(metadata.causationId()).withPrincipal(metadata.principal()).withTenant(metadata.tenant());
    }

    private static String describe(ObserverMethod<?> observer) {
        return "observer in " + observer.getBeanClass().getName();
    }

    private record Observers(List<ObserverMethod<Object>> sync, List<ObserverMethod<Object>> async) {
    }
}
