package io.annals.core.event;

/**
 * A stored event has a schema version this code cannot turn into the current shape: newer than the
 * class knows, or older with a missing upcaster in the chain.
 */
public class UnsupportedSchemaVersionException extends EventDecodingException {

    public UnsupportedSchemaVersionException(String typeName, int stored, int current, String why) {
        super("event type '" + typeName + "' stored with schema version " + stored + ", current is " + current + ": " + why);
    }
}
