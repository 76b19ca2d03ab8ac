-- Optimizer sessions: the aggregate a step loads (session, groups, parameters, gradients, usage)
-- and, in tables of their own, the step history that a step never reads.

CREATE TABLE optimizer_session (
    id               uuid        PRIMARY KEY,
    tenant           text        NOT NULL DEFAULT 'default',
    optimizer        text        NOT NULL,
    version          bigint      NOT NULL DEFAULT 0,
    step_count       integer     NOT NULL DEFAULT 0,
    -- the last history entry's number (steps, failed steps and restores share one sequence)
    history_count    integer     NOT NULL DEFAULT 0,
    defaults         jsonb       NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    -- the step lease: who runs a step on this session, and until when the claim holds
    lease_owner      text,
    lease_expires_at timestamptz
);
CREATE INDEX optimizer_session_newest ON optimizer_session (tenant, created_at DESC, id);

CREATE TABLE param_group (
    id         bigserial PRIMARY KEY,
    session_id uuid      NOT NULL REFERENCES optimizer_session (id) ON DELETE CASCADE,
    position   integer   NOT NULL,
    options    jsonb     NOT NULL,
    UNIQUE (session_id, position)
);

CREATE TABLE parameter (
    id              uuid    PRIMARY KEY,
    session_id      uuid    NOT NULL REFERENCES optimizer_session (id) ON DELETE CASCADE,
    group_id        bigint  NOT NULL REFERENCES param_group (id) ON DELETE CASCADE,
    position        integer NOT NULL,
    data            text    NOT NULL,
    role            text    NOT NULL,
    requires_grad   boolean NOT NULL,
    -- the value when the parameter joined the session, and the history entry it joined after:
    -- a restore to an entry before any step touched it goes back to this value
    initial_data    text    NOT NULL,
    added_at_entry  integer NOT NULL DEFAULT 0,
    -- [[snapshot, [gradients]], ...], bounded by the group's momentum
    momentum_buffer jsonb   NOT NULL DEFAULT '[]',
    UNIQUE (group_id, position)
);
CREATE INDEX parameter_session ON parameter (session_id);

CREATE TABLE gradient (
    id         bigserial   PRIMARY KEY, -- also the gradient's order within its parameter
    param_id   uuid        NOT NULL REFERENCES parameter (id) ON DELETE CASCADE,
    data       text        NOT NULL,
    role       text        NOT NULL,
    context    text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX gradient_param ON gradient (param_id, id);

CREATE TABLE model_usage (
    session_id        uuid    NOT NULL REFERENCES optimizer_session (id) ON DELETE CASCADE,
    client_name       text    NOT NULL,
    prompt_tokens     bigint  NOT NULL DEFAULT 0,
    completion_tokens bigint  NOT NULL DEFAULT 0,
    -- NULL once any call of this client used a model without a price: unknown, never invented
    cost_amount       numeric(20, 10),
    currency          text    NOT NULL DEFAULT 'USD',
    PRIMARY KEY (session_id, client_name)
);

-- The history: one row per step (succeeded, failed or running), per restore and per hand edit.
CREATE TABLE step_entry (
    id           bigserial   PRIMARY KEY,
    session_id   uuid        NOT NULL REFERENCES optimizer_session (id) ON DELETE CASCADE,
    number       integer     NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('step', 'restore', 'edit')),
    status       text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    duration_ms  bigint,
    params_total integer     NOT NULL DEFAULT 0,
    params_done  integer     NOT NULL DEFAULT 0,
    restored_to  integer,
    loss         jsonb,
    usage        jsonb       NOT NULL DEFAULT '{}',
    error        jsonb,
    UNIQUE (session_id, number)
);

CREATE TABLE step_param (
    step_id       bigint  NOT NULL REFERENCES step_entry (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    param_id      uuid    NOT NULL,
    status        text    NOT NULL,
    reason        text,
    previous_data text,
    data          text,
    grads         jsonb   NOT NULL DEFAULT '[]',
    PRIMARY KEY (step_id, position)
);

-- Running steps are rare; finding abandoned ones at start-up must not scan the history.
CREATE INDEX step_entry_running ON step_entry (session_id) WHERE status = 'running';
