package io.annals.core.processor;

import io.annals.core.event.EventEnvelope;
import java.util.Optional;
import java.util.Set;

/**
 * What a tracking processor feeds: a projection, a saga or a forwarder. It names the event types it
 * handles, so events of other types are skipped without being decoded.
 */
public interface EventProcessor {

    String name();

    ProcessorKind kind();

    /** The Java event classes this processor handles. */
    Set<Class<?>> eventTypes();

    /** Whether the checkpoint lives in memory (a read model in memory is rebuilt on every start). */
    default boolean inMemoryCheckpoint() {
        return false;
    }

    /** Handles one event; an exception makes the runtime retry, then park it as a {@link DeadLetter}. */
    void handle(EventEnvelope<?> event);

    /** The read model switch a rebuild uses; empty when the processor cannot be rebuilt. */
    default Optional<RebuildableProjection> rebuildable() {
        return Optional.empty();
    }
}
