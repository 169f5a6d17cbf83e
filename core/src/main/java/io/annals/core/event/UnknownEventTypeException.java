package io.annals.core.event;

/** A stored event's type name matches no registered event class; no class is loaded by name. */
public class UnknownEventTypeException extends EventDecodingException {

    public UnknownEventTypeException(String typeName) {
        super("unknown event type '" + typeName + "': no event class is registered under this name");
    }
}
