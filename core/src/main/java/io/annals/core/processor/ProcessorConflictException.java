package io.annals.core.processor;

/**
 * The runtime refused an operator's request because of the processor's current state or kind
 * (HTTP 409). The subclasses say which rule applied.
 */
public abstract class ProcessorConflictException extends RuntimeException {

    private final String processor;

    protected ProcessorConflictException(String processor, String message) {
        super(message);
        this.processor = processor;
    }

    public String processor() {
        return processor;
    }
}
