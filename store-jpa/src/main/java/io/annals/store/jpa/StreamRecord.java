package io.annals.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stream's head: its current version. Written only by {@link GroupCommitWriter}. */
@Entity
@Table(name = "annals_streams")
class StreamRecord {

    @Id
    @Column(name = "stream_id")
    private String streamId;

    @Column(name = "version", nullable = false)
    private long version;

    protected StreamRecord() {
    }

    long version() {
        return version;
    }
}
