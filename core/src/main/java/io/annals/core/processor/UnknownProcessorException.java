package io.annals.core.processor;

import java.util.NoSuchElementException;

/** No projection, saga or forwarder has this name (HTTP 404). */
public class UnknownProcessorException extends NoSuchElementException {

    private final String processor;

    public UnknownProcessorException(String processor) {
        super("no processor named '" + processor + "'");
        this.processor = processor;
    }

    public String processor() {
        return processor;
    }
}
