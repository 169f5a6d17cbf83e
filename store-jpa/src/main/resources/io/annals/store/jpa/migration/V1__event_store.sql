-- The event store's schema. One script for H2 2.2 and PostgreSQL 15: every type used here exists
-- under the same name in both (TEXT is H2's CLOB). JSON is kept as text, byte for byte as written:
-- stored events are never rewritten, and jsonb would reorder keys and drop whitespace.

-- The global log. global_position is assigned by the single writer from annals_log, so positions
-- are gap-free and in commit order; the primary key is the index the global log is read by.
CREATE TABLE annals_events (
    global_position BIGINT                   NOT NULL,
    stream_id       VARCHAR(200)             NOT NULL,
    stream_version  BIGINT                   NOT NULL,
    event_id        UUID                     NOT NULL,
    event_type      VARCHAR(200)             NOT NULL,
    schema_version  INTEGER                  NOT NULL,
    payload         TEXT                     NOT NULL,
    metadata        TEXT                     NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT annals_events_pk PRIMARY KEY (global_position),
    -- the race between writers of one stream ends here; also the index a stream is read by
    CONSTRAINT annals_events_stream_version_uk UNIQUE (stream_id, stream_version),
    CONSTRAINT annals_events_event_id_uk UNIQUE (event_id),
    CONSTRAINT annals_events_version_ck CHECK (stream_version >= 1),
    CONSTRAINT annals_events_schema_version_ck CHECK (schema_version >= 1)
);

-- One row per stream with its current version, so a version look-up never scans the stream.
CREATE TABLE annals_streams (
    stream_id VARCHAR(200) NOT NULL,
    version   BIGINT       NOT NULL,
    CONSTRAINT annals_streams_pk PRIMARY KEY (stream_id),
    CONSTRAINT annals_streams_version_ck CHECK (version >= 1)
);

-- The last position handed out. Every append batch locks this one row first (SELECT ... FOR
-- UPDATE), which serialises writers of all application instances and gives the next positions.
CREATE TABLE annals_log (
    id            INTEGER NOT NULL,
    last_position BIGINT  NOT NULL,
    CONSTRAINT annals_log_pk PRIMARY KEY (id),
    CONSTRAINT annals_log_single_row_ck CHECK (id = 1)
);
INSERT INTO annals_log (id, last_position) VALUES (1, 0);

-- The latest snapshot of each stream.
CREATE TABLE annals_snapshots (
    stream_id      VARCHAR(200)             NOT NULL,
    stream_version BIGINT                   NOT NULL,
    snapshot_type  VARCHAR(400)             NOT NULL,
    payload        TEXT                     NOT NULL,
    taken_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT annals_snapshots_pk PRIMARY KEY (stream_id)
);

-- The last global position each projection, saga or forwarder has handled.
CREATE TABLE annals_checkpoints (
    processor       VARCHAR(200)             NOT NULL,
    global_position BIGINT                   NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT annals_checkpoints_pk PRIMARY KEY (processor)
);

-- Events a processor gave up on, parked for an operator to retry or skip.
CREATE TABLE annals_dead_letters (
    id              UUID                     NOT NULL,
    processor       VARCHAR(200)             NOT NULL,
    event_id        UUID                     NOT NULL,
    global_position BIGINT                   NOT NULL,
    error           TEXT                     NOT NULL,
    attempts        INTEGER                  NOT NULL,
    parked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT annals_dead_letters_pk PRIMARY KEY (id),
    CONSTRAINT annals_dead_letters_event_uk UNIQUE (processor, event_id)
);
CREATE INDEX annals_dead_letters_processor_ix ON annals_dead_letters (processor, global_position);

-- Command ids recorded in the same transaction as the command's events (a command runs at most
-- once), and the command's outcome as JSON once the bus recorded it.
CREATE TABLE annals_commands (
    command_id  UUID                     NOT NULL,
    stream_id   VARCHAR(200)             NOT NULL,
    outcome     TEXT,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT annals_commands_pk PRIMARY KEY (command_id)
);
