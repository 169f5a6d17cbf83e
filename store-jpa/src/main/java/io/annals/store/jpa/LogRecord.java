package io.annals.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row holding the last position of the global log. Written only by {@link GroupCommitWriter}. */
@Entity
@Table(name = "annals_log")
class LogRecord {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_position", nullable = false)
    private long lastPosition;

    protected LogRecord() {
    }

    long lastPosition() {
        return lastPosition;
    }
}
