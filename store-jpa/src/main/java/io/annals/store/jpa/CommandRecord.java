package io.annals.store.jpa;

import io.annals.core.store.ProcessedCommand;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A command id recorded with its events, and the command's outcome once the bus stored it. */
@Entity
@Table(name = "annals_commands")
class CommandRecord {

    @Id
    @Column(name = "command_id")
    private UUID commandId;

    @Column(name = "stream_id", nullable = false, updatable = false)
    private String streamId;

    @Column(name = "outcome")
    private String outcome;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private OffsetDateTime recordedAt;

    protected CommandRecord() {
    }

    void recordOutcome(String outcome) {
        this.outcome = outcome;
    }

    ProcessedCommand toProcessedCommand() {
        return new ProcessedCommand(commandId, streamId, Optional.ofNullable(outcome));
    }
}
