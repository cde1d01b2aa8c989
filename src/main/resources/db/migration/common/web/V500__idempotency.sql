-- Responses to POSTs that carried an Idempotency-Key, so a retried request gets the same answer
-- instead of doing the work twice. Kept for 24 hours.
CREATE TABLE idempotency_record (
    scope        VARCHAR(100) NOT NULL,
    idem_key     VARCHAR(200) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    completed    BOOLEAN      NOT NULL DEFAULT FALSE,
    status_code  INT,
    content_type VARCHAR(200),
    body         BYTEA,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
