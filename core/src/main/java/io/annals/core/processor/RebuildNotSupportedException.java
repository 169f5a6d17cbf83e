package io.annals.core.processor;

/**
 * The processor cannot be rebuilt: a forwarder (replaying would resend everything) or a projection
 * that does not implement {@link RebuildableProjection}.
 */
public class RebuildNotSupportedException extends ProcessorConflictException {

    public RebuildNotSupportedException(String processor, String reason) {
        super(processor, "'" + processor + "' cannot be rebuilt: " + reason);
    }
}
