package io.annals.core.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON of one event type at one schema version into the next version's shape. Ship it as
 * a CDI bean; the serializer chains upcasters on read. Stored events are never rewritten.
 */
public interface Upcaster {

    /** The logical event type name this upcaster applies to. */
    String eventType();

    /** The schema version it reads; it produces {@code fromVersion() + 1}. */
    int fromVersion();

    /** The next version's JSON; may modify and return {@code data}. */
    ObjectNode upcast(ObjectNode data);
}
