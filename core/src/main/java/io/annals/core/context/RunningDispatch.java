package io.annals.core.context;

/**
 * The dispatch the calling thread runs, kept beside the request context rather than in a bean of
 * it: {@link ContextActivator} sets and restores it around every dispatch, {@link CurrentContext}
 * answers from it first. Putting it into the request-scoped bean instead created that bean in every
 * fresh request context and went through its client proxy twice per dispatch.
 */
final class RunningDispatch {

    private static final ThreadLocal<DispatchState> RUNNING = new ThreadLocal<>();

    private RunningDispatch() {
    }

    /** The thread's running dispatch, or null. */
    static DispatchState current() {
        return RUNNING.get();
    }

    static void start(DispatchState state) {
        RUNNING.set(state);
    }

    /** Puts back the dispatch that ran before ({@code outer}); none leaves no entry on a pooled thread. */
    static void restore(DispatchState outer) {
        if (outer == null) {
            RUNNING.remove();
        } else {
            RUNNING.set(outer);
        }
    }
}
