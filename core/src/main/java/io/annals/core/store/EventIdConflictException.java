package io.annals.core.store;

import java.util.UUID;

/**
 * An appended event id is already stored somewhere else, or only part of a batch was stored
 * before: the append is not a repeat and not new. Nothing was stored.
 */
public class EventIdConflictException extends EventStoreException {

    private final UUID eventId;

    public EventIdConflictException(UUID eventId, String detail) {
        super("event id " + eventId + " " + detail);
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
