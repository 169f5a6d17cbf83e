package io.annals.core.context;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The context of the message being handled in this CDI request context. The buses set it before a
 * handler runs; handlers and any {@code @RequestScoped} bean read it. A JAX-RS filter may set it for
 * an HTTP request, and dispatches made there inherit it.
 */
@RequestScoped
public class CurrentContext {

    private DispatchState state = new DispatchState(null, DispatchOptions.NONE);

    /** The current context, if a dispatch or a request set one. */
    public Optional<AsyncContext> get() {
        return Optional.ofNullable(state.context());
    }

    /** Sets the context of this request (an HTTP filter does, before any dispatch). */
    public void set(AsyncContext context) {
        state = new DispatchState(context, state.options());
    }

    /** The current dispatch's options. */
    public DispatchOptions options() {
        return state.options();
    }

    /** The per-dispatch state the repository consults (pinned version, command id). */
    public DispatchState dispatch() {
        return state;
    }

    /** Replaces the dispatch state and returns the previous one ({@link ContextActivator} uses it). */
    public DispatchState swap(DispatchState next) {
        DispatchState previous = state;
        state = next;
        return previous;
    }
}
