package io.annals.core.event;

/** A stored event or snapshot cannot be turned back into its Java shape. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
