-- Responses to requests with an Idempotency-Key, replayed to a repeat of the same request.
CREATE TABLE annals_idempotency (
    request_scope   VARCHAR(600)     NOT NULL,
    idempotency_key VARCHAR(255)     NOT NULL,
    fingerprint     VARCHAR(64)      NOT NULL,
    state           VARCHAR(16)      NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(255),
    location        VARCHAR(2000),
    body            VARCHAR(1000000),
    created_at      BIGINT           NOT NULL,
    PRIMARY KEY (request_scope, idempotency_key)
);

CREATE INDEX annals_idempotency_created ON annals_idempotency (created_at);
