package io.annals.core.store;

/**
 * Metadata stored with every event: who caused it and in which flow. {@code causationId} is the id
 * of the event or command that caused this one (null for a command received from outside).
 */
public record EventMetadata(String correlationId, String causationId, String principal, String tenant) {

    public static final EventMetadata EMPTY = new EventMetadata(null, null, null, null);
}
