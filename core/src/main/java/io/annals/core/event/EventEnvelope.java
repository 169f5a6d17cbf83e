package io.annals.core.event;

import io.annals.core.store.EventMetadata;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored event with its payload in Java shape: what projections, sagas and observers that want
 * more than the payload receive.
 */
public record EventEnvelope<E>(E payload, UUID eventId, String streamId, long version, long position,
                               String type, EventMetadata metadata, Instant occurredAt) {
}
