package io.annals.core.context;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work inside an active CDI request context with a given {@link AsyncContext}, which
 * {@link CurrentContext} answers while the work runs. Activates the request context when the thread
 * has none (worker threads, processors); when one is already active (an HTTP request, a nested
 * dispatch) it reuses it and puts the previous dispatch back afterwards, so nothing leaks between
 * calls.
 */
@ApplicationScoped
public class ContextActivator {

    /**
     * A controller carries per-instance activation state, so each thread keeps its own; obtaining
     * and destroying one per dispatch cost more than the rest of the dispatch together.
     */
    private final ThreadLocal<RequestContextController> controller = ThreadLocal.withInitial(this::newController);

    @Inject
    Instance<RequestContextController> controllers;

    @Inject
    CurrentContext current;

    public <T> T callIn(AsyncContext context, DispatchOptions options, Supplier<T> work) {
        return callIn(caller -> context, options, work);
    }

    /**
     * Runs {@code work} in the context {@code choose} picks, given the context of the request
     * already active on this thread (if any).
     */
    public <T> T callIn(Function<Optional<AsyncContext>, AsyncContext> choose, DispatchOptions options, Supplier<T> work) {
        RequestContextController requests = controller.get();
        boolean activated = requests.activate();
        DispatchState outer = RunningDispatch.current();
        try {
            Optional<AsyncContext> caller = activated ? Optional.empty() : callerContext();
            RunningDispatch.start(new DispatchState(choose.apply(caller), options));
            return work.get();
        } finally {
            RunningDispatch.restore(outer);
            if (activated) {
                requests.deactivate();
            }
        }
    }

    public void runIn(AsyncContext context, DispatchOptions options, Runnable work) {
        callIn(context, options, () -> {
            work.run();
            return null;
        });
    }

    /** The context of the calling thread's dispatch or active request, if there is one. */
    public Optional<AsyncContext> callerContext() {
        DispatchState state = RunningDispatch.current();
        if (state != null) {
            return Optional.ofNullable(state.context());
        }
        try {
            return current.get();
        } catch (ContextNotActiveException noRequest) {
            return Optional.empty();
        }
    }

    /** The running dispatch's state, if this thread runs one. */
    public Optional<DispatchState> dispatch() {
        return Optional.ofNullable(RunningDispatch.current());
    }

    private RequestContextController newController() {
        return controllers.get();
    }
}
