package io.annals.core.processor;

import io.annals.core.store.StoredEvent;
import java.util.Optional;

/**
 * Marks a failure as the processor's own (not the checkpoint store's) while it travels out of a
 * {@link CheckpointStore#commit}, possibly wrapped by the store.
 */
final class HandlerFailure extends RuntimeException {

    private final transient StoredEvent event;

    HandlerFailure(StoredEvent event, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.event = event;
    }

    StoredEvent event() {
        return event;
    }

    /** Whether retrying cannot help. */
    boolean permanent() {
        return getCause() instanceof UndeliverableEventException;
    }

    /** The handler failure somewhere in the cause chain, if the failure is one. */
    static Optional<HandlerFailure> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HandlerFailure handler) {
                return Optional.of(handler);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
