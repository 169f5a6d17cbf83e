package io.annals.core.processor;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event a processor could not handle after its bounded retries, parked so the processor could go
 * on. Resolving it (retry, skip, a rebuild) changes its state and keeps the record.
 *
 * @param id the dead letter's own id
 * @param processor the processor that failed (projection, saga or forwarder name)
 * @param eventId the event's id
 * @param position the event's global position
 * @param error the last failure's message
 * @param attempts how many deliveries failed, retries by an operator included
 * @param parkedAt when it was parked
 * @param state parked or how it was resolved
 * @param resolvedAt when it was resolved; null while parked
 */
public record DeadLetter(UUID id, String processor, UUID eventId, long position, String error, int attempts,
                         Instant parkedAt, DeadLetterState state, Instant resolvedAt) {

    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(parkedAt, "parkedAt");
        Objects.requireNonNull(state, "state");
    }

    /** A freshly parked entry with a new id. */
    public static DeadLetter parked(String processor, UUID eventId, long position, String error, int attempts, Instant at) {
        return new DeadLetter(UUID.randomUUID(), processor, eventId, position, error, attempts, at, DeadLetterState.PARKED, null);
    }

    public boolean isParked() {
        return state == DeadLetterState.PARKED;
    }

    /** This entry resolved in the given way at the given time. */
    public DeadLetter resolved(DeadLetterState how, Instant at) {
        if (how == DeadLetterState.PARKED) {
            throw new IllegalArgumentException("a resolution is not PARKED");
        }
        return new DeadLetter(id, processor, eventId, position, error, attempts, parkedAt, how, at);
    }

    /** This entry still parked after one more failed delivery. */
    public DeadLetter failedAgain(String lastError) {
        return new DeadLetter(id, processor, eventId, position, lastError, attempts + 1, parkedAt, state, resolvedAt);
    }
}
