-- Webhooks (issue 20): a tenant's endpoints, and the outbox of their deliveries. A delivery row is written in
-- the transaction that appends its event (V10), so it exists exactly when the event does; any instance claims
-- due rows with FOR UPDATE SKIP LOCKED, and a claim is a next_attempt_at in the future, so the delivery of an
-- instance that died is claimed again once that passes: at least once, across restarts.
CREATE TABLE webhook (
    id          uuid        PRIMARY KEY,
    tenant      text        NOT NULL,
    url         text        NOT NULL,
    -- event names, e.g. {step.succeeded,run.failed}
    events      text[]      NOT NULL,
    description text,
    -- no secret: it is derived from the id and textopt.webhooks.signing-key, which only the environment holds
    created_at  timestamptz NOT NULL
);
CREATE INDEX webhook_of_tenant ON webhook (tenant, created_at DESC, id);

CREATE TABLE webhook_delivery (
    id              bigserial   PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    -- the session event's id; no foreign key: the event may be swept away or its session deleted before delivery
    event_id        bigint      NOT NULL,
    event_type      text        NOT NULL,
    -- the JSON body, as signed and sent on every attempt
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    last_status     integer,
    last_error      text,
    -- when the next attempt (or the claim of the one in flight) is due; null once delivered or given up
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX webhook_delivery_ended ON webhook_delivery (created_at) WHERE next_attempt_at IS NULL;
