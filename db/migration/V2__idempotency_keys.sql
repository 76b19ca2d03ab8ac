-- Idempotency-Key: the first answer to a POST, replayed to retries with the same key and body.
CREATE TABLE idempotency_key (
    tenant        text        NOT NULL,
    key           text        NOT NULL,
    request_hash  text        NOT NULL,
    -- null while the first request is still being answered
    status        integer,
    content_type  text,
    location      text,
    body          bytea,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant, key)
);
CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);
