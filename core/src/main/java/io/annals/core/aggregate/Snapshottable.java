package io.annals.core.aggregate;

/**
 * An aggregate that can be saved as a snapshot, so loading a long stream reads only the events after
 * it. {@code S} should be an immutable record; a snapshot that can no longer be read is ignored.
 */
public interface Snapshottable<S> {

    /** The current state, detached from the aggregate. */
    S snapshot();

    /** Restores the state of a fresh instance from a snapshot. */
    void restore(S snapshot);
}
