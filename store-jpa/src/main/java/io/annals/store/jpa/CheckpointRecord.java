package io.annals.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The last global position a processor has handled. */
@Entity
@Table(name = "annals_checkpoints")
class CheckpointRecord {

    @Id
    @Column(name = "processor")
    private String processor;

    @Column(name = "global_position", nullable = false)
    private long position;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected CheckpointRecord() {
    }

    CheckpointRecord(String processor, long position, OffsetDateTime updatedAt) {
        this.processor = processor;
        moveTo(position, updatedAt);
    }

    long position() {
        return position;
    }

    void moveTo(long position, OffsetDateTime updatedAt) {
        this.position = position;
        this.updatedAt = updatedAt;
    }
}
