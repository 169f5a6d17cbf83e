package io.annals.core.processor;

/** A rebuild of this projection is already under way; a second one is refused. */
public class RebuildAlreadyRunningException extends ProcessorConflictException {

    public RebuildAlreadyRunningException(String processor) {
        super(processor, "projection '" + processor + "' is already being rebuilt");
    }
}
