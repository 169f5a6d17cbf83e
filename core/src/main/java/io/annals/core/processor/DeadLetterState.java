package io.annals.core.processor;

/** Where a dead letter is: still parked, or resolved in one of the recorded ways. */
public enum DeadLetterState {
    /** Waiting for an operator: the processor went on without the event. */
    PARKED,
    /** Re-delivered to its processor, which handled it this time. */
    RETRIED,
    /** An operator decided the processor goes without the event for good. */
    SKIPPED,
    /** The projection was rebuilt: the rebuild met (or applied) the event itself. */
    SUPERSEDED
}
