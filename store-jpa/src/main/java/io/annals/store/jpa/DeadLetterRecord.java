package io.annals.store.jpa;

import io.annals.core.processor.DeadLetter;
import io.annals.core.processor.DeadLetterState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A {@link DeadLetter} as a row. Its {@code parked_key} is the event id while the entry is parked and
 * the entry's own id once resolved: the table's unique (processor, parked_key) then allows one parked
 * entry per processor and event, and any number of resolved ones.
 */
@Entity
@Table(name = "annals_dead_letters")
class DeadLetterRecord {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "processor", nullable = false, updatable = false)
    private String processor;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "global_position", nullable = false, updatable = false)
    private long position;

    @Column(name = "error")
    private String error;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "parked_at", nullable = false, updatable = false)
    private OffsetDateTime parkedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private DeadLetterState state;

    @Column(name = "resolved_at")
    private OffsetDateTime resolvedAt;

    @Column(name = "parked_key", nullable = false)
    private UUID parkedKey;

    protected DeadLetterRecord() {
    }

    DeadLetterRecord(DeadLetter letter) {
        this.id = letter.id();
        this.processor = letter.processor();
        this.eventId = letter.eventId();
        this.position = letter.position();
        this.parkedAt = timestamp(letter.parkedAt());
        replaceWith(letter);
    }

    /** Takes over what may change: error, attempts, state and resolution time. */
    void replaceWith(DeadLetter letter) {
        this.error = letter.error();
        this.attempts = letter.attempts();
        this.state = letter.state();
        this.resolvedAt = letter.resolvedAt() == null ? null : timestamp(letter.resolvedAt());
        this.parkedKey = letter.isParked() ? eventId : id;
    }

    DeadLetter toDeadLetter() {
        return new DeadLetter(id, processor, eventId, position, error, attempts, parkedAt.toInstant(), state,
                resolvedAt == null ? null : resolvedAt.toInstant());
    }

    /** Both databases keep microseconds. */
    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
