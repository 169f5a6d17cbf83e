package io.annals.core.processor;

/**
 * Durable checkpoints of processors (the last global position each has handled). A store backed by
 * a database commits the batch's own writes (read-model rows, parked dead letters) and the new
 * checkpoint in one transaction, so a crash mid-batch neither skips nor double-applies an event;
 * such a store says so with {@link #atomic()}.
 */
public interface CheckpointStore {

    /** The processor's checkpoint; 0 when it has none. */
    long position(String processor);

    /**
     * Runs {@code batch} and sets the checkpoint to exactly {@code position} (a rebuild's switch can
     * move it forward by many events), atomically where the store can. When {@code batch} throws,
     * the checkpoint stays and the exception propagates (an atomic store rolls the batch's writes back).
     */
    void commit(String processor, long position, Runnable batch);

    /** Moves the checkpoint back to 0 (a rebuild starts there). */
    void reset(String processor);

    /**
     * Whether a {@link #commit} whose batch throws leaves none of the batch's writes behind. The
     * runtime then commits a projection's whole batch at once; otherwise it commits a projection
     * event by event, so a failure never makes it apply an event twice. The safe default is false.
     */
    default boolean atomic() {
        return false;
    }
}
