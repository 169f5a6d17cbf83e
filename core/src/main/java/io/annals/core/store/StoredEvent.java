package io.annals.core.store;

import java.time.Instant;
import java.util.UUID;

/** An event as the store keeps it: raw JSON payload plus everything the store assigned. */
public record StoredEvent(long position, String streamId, long version, UUID eventId, String type,
                          int schemaVersion, String data, EventMetadata metadata, Instant occurredAt) {
}
