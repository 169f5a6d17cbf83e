package io.annals.core.processor;

import io.annals.core.store.StoredEvent;

/**
 * An event that no retry can deliver (its payload cannot be decoded): the runtime parks it at once
 * instead of retrying. A processor may throw it for any failure it knows to be permanent.
 */
public class UndeliverableEventException extends RuntimeException {

    public UndeliverableEventException(StoredEvent event, Throwable cause) {
        super("event " + event.eventId() + " at position " + event.position() + " cannot be delivered: " + cause.getMessage(), cause);
    }
}
