-- Dead letters are resolved, never deleted: an entry keeps its record as retried, skipped or
-- superseded (by a rebuild), with the time it was resolved. One script for H2 2.2 and PostgreSQL 15.
ALTER TABLE annals_dead_letters ADD COLUMN state VARCHAR(16) DEFAULT 'PARKED' NOT NULL;
ALTER TABLE annals_dead_letters ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE annals_dead_letters ALTER COLUMN error DROP NOT NULL;

-- An event may be parked again after its earlier entry was resolved (a rebuild or a later retry
-- fails on it), but a processor has at most one parked entry per event. H2 has no partial indexes,
-- so parked_key stands in for one: it is the event id while the entry is parked and the entry's own
-- id once resolved, and (processor, parked_key) is unique.
ALTER TABLE annals_dead_letters ADD COLUMN parked_key UUID;
UPDATE annals_dead_letters SET parked_key = event_id;
ALTER TABLE annals_dead_letters ALTER COLUMN parked_key SET NOT NULL;
ALTER TABLE annals_dead_letters DROP CONSTRAINT annals_dead_letters_event_uk;
ALTER TABLE annals_dead_letters ADD CONSTRAINT annals_dead_letters_parked_uk UNIQUE (processor, parked_key);
ALTER TABLE annals_dead_letters ADD CONSTRAINT annals_dead_letters_state_ck
    CHECK (state IN ('PARKED', 'RETRIED', 'SKIPPED', 'SUPERSEDED'));
ALTER TABLE annals_dead_letters ADD CONSTRAINT annals_dead_letters_resolution_ck
    CHECK ((state = 'PARKED' AND resolved_at IS NULL AND parked_key = event_id)
        OR (state <> 'PARKED' AND resolved_at IS NOT NULL AND parked_key = id));

-- The admin list reads the parked entries in position order.
DROP INDEX annals_dead_letters_processor_ix;
CREATE INDEX annals_dead_letters_state_ix ON annals_dead_letters (state, global_position);

-- Which application instance runs a processor, until when. Taken and renewed by conditional
-- updates that compare with the database's clock, so instances with skewed clocks agree.
CREATE TABLE annals_processor_leases (
    processor  VARCHAR(200)             NOT NULL,
    owner      VARCHAR(200)             NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT annals_processor_leases_pk PRIMARY KEY (processor)
);
