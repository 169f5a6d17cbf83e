package io.annals.core.store;

import java.util.Objects;
import java.util.UUID;

/**
 * An event about to be appended: its id, logical type name, schema version, JSON payload and
 * metadata. The store assigns stream version, global position and timestamp.
 */
public record NewEvent(UUID eventId, String type, int schemaVersion, String data, EventMetadata metadata) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("event type must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema version must be >= 1, was " + schemaVersion);
        }
        Objects.requireNonNull(data, "data");
        metadata = metadata == null ? EventMetadata.EMPTY : metadata;
    }
}
