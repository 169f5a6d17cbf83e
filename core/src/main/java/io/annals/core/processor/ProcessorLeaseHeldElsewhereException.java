package io.annals.core.processor;

/**
 * Another application instance holds the processor's lease, so this one may not rebuild it or
 * re-deliver to it: ask the instance that runs it.
 */
public class ProcessorLeaseHeldElsewhereException extends ProcessorConflictException {

    private final String owner;

    public ProcessorLeaseHeldElsewhereException(String processor, String owner) {
        super(processor, "processor '" + processor + "' runs on instance " + owner + ", not on this one");
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }
}
