package io.annals.core.processor;

import io.annals.core.store.StoredEvent;
import java.util.Optional;

/**
 * What a {@link TrackingProcessor} drives: it takes events as stored, picks them by type name, and
 * throws when it could not handle one (the runtime retries, then parks the event). Forwarders
 * implement it directly; projections and sagas ({@link EventProcessor}) are adapted to it.
 */
public interface StoredEventProcessor {

    String name();

    ProcessorKind kind();

    /** Whether events of this stored type name reach {@link #handle}; the checkpoint moves over the others. */
    boolean accepts(String eventType);

    /** Handles one accepted event. */
    void handle(StoredEvent event);

    /** Runs the deliveries of one batch, in whatever scope the processor's handlers need around them. */
    default void inBatch(Runnable deliveries) {
        deliveries.run();
    }

    /** Whether the checkpoint lives in memory (a read model in memory is rebuilt on every start). */
    default boolean inMemoryCheckpoint() {
        return false;
    }

    /** This processor's own retry policy; empty for the runtime's default. */
    default Optional<RetryPolicy> retryPolicy() {
        return Optional.empty();
    }

    /** The read model switch a rebuild uses; empty when the processor cannot be rebuilt. */
    default Optional<RebuildableProjection> rebuildable() {
        return Optional.empty();
    }
}
