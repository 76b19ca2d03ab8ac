-- Traces of the forward pass (issue 17): one row per input item of a forward request, read later by
-- evaluate and backward. They belong to their session (deleted with it) and expire: rows past
-- expires_at are treated as absent and swept away.
CREATE TABLE trace (
    id           uuid        PRIMARY KEY,
    session_id   uuid        NOT NULL REFERENCES optimizer_session (id) ON DELETE CASCADE,
    -- the item's position in its forward request's inputs
    batch_index  integer     NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    -- [{"role", "content"}]: the turns the model was sent, exactly
    messages     jsonb       NOT NULL,
    inputs       jsonb       NOT NULL,
    output       text        NOT NULL,
    model_client text        NOT NULL,
    model        text,
    usage        jsonb       NOT NULL,
    -- [{"id", "version", "data"}]: each parameter the messages inserted, its value and the history entry that set it
    params       jsonb       NOT NULL,
    -- {"score", "explanation", "evaluator"} once evaluated
    evaluation   jsonb
);
CREATE INDEX trace_session ON trace (session_id);
CREATE INDEX trace_expires ON trace (expires_at);

-- A parameter's value version is the last history entry that gave it a new value; finding it looks up
-- the parameter's rows of the history.
CREATE INDEX step_param_param ON step_param (param_id);
