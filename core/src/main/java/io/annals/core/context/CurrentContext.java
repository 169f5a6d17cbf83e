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

    /** What a request set before any dispatch (an HTTP filter's context); a running dispatch takes precedence. */
    private DispatchState state = new DispatchState(null, DispatchOptions.NONE);

    /** The current context, if a dispatch or a request set one. */
    public Optional<AsyncContext> get() {
        return Optional.ofNullable(dispatch().context());
    }

    /** Sets the context of this request (an HTTP filter does, before any dispatch). */
    public void set(AsyncContext context) {
        state = new DispatchState(context, state.options());
    }

    /** The current dispatch's options. */
    public DispatchOptions options() {
        return dispatch().options();
    }

    /** The per-dispatch state the repository consults (pinned version, command id). */
    public DispatchState dispatch() {
        DispatchState running = RunningDispatch.current();
        return running != null ? running : state;
    }
}
