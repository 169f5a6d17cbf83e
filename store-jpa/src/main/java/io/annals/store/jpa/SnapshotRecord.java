package io.annals.store.jpa;

import io.annals.core.store.Snapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The latest snapshot of a stream. */
@Entity
@Table(name = "annals_snapshots")
class SnapshotRecord {

    @Id
    @Column(name = "stream_id")
    private String streamId;

    @Column(name = "stream_version", nullable = false)
    private long version;

    @Column(name = "snapshot_type", nullable = false)
    private String type;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "taken_at", nullable = false)
    private OffsetDateTime takenAt;

    protected SnapshotRecord() {
    }

    SnapshotRecord(Snapshot snapshot, OffsetDateTime takenAt) {
        this.streamId = snapshot.streamId();
        replaceWith(snapshot, takenAt);
    }

    long version() {
        return version;
    }

    void replaceWith(Snapshot snapshot, OffsetDateTime takenAt) {
        this.version = snapshot.version();
        this.type = snapshot.type();
        this.payload = snapshot.data();
        this.takenAt = takenAt;
    }

    Snapshot toSnapshot() {
        return new Snapshot(streamId, version, type, payload);
    }
}
