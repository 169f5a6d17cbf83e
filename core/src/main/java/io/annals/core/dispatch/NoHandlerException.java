package io.annals.core.dispatch;

/** A command or query was dispatched for which no handler was deployed. */
public class NoHandlerException extends RuntimeException {

    private final Class<?> messageType;

    public NoHandlerException(Class<?> messageType) {
        super("no handler is deployed for " + messageType.getName());
        this.messageType = messageType;
    }

    public Class<?> messageType() {
        return messageType;
    }
}
