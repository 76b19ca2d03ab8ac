-- Training runs (issue 18): one request trains a session on a dataset, batch by batch, on whichever instance
-- holds the run's lease. Everything a run decides next is derived from this row and its steps and validation
-- scores, written after every step, so that an instance taking over a run whose instance died goes on from the
-- last completed step. Deleted with their session.
CREATE TABLE training_run (
    id               uuid        PRIMARY KEY,
    session_id       uuid        NOT NULL REFERENCES optimizer_session (id) ON DELETE CASCADE,
    status           text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    -- the checked request: dataset, forward messages, evaluator, backward model, epochs, batch size, seed, ...
    spec             jsonb       NOT NULL,
    -- the history entry current when the run was created: what the first validation scores
    start_entry      integer     NOT NULL,
    -- epochs x batches per epoch: the steps of the whole run
    total_steps      integer     NOT NULL,
    -- the batch to train next, both counted from 0; (epochs, 0) once every batch is trained
    epoch            integer     NOT NULL DEFAULT 0,
    batch            integer     NOT NULL DEFAULT 0,
    -- {"operation", "item", "param_id", "reason", "detail"} of a failed run
    failure          jsonb,
    -- tokens and cost of the run's calls, per model client (the session's usage counts them too)
    usage            jsonb       NOT NULL DEFAULT '{}',
    cancel_requested boolean     NOT NULL DEFAULT false,
    -- the run lease, as a step's: who works on the run, and until when the claim holds without renewal
    lease_owner      text,
    lease_expires_at timestamptz,
    created_at       timestamptz NOT NULL,
    finished_at      timestamptz
);
-- One active run per session: a second is refused, whichever instance is asked.
CREATE UNIQUE INDEX training_run_active ON training_run (session_id) WHERE status IN ('queued', 'running');
CREATE INDEX training_run_newest ON training_run (session_id, created_at DESC, id);

-- One row per trained batch, written with the run's new position in one transaction: the steps of a run
-- stay cheap to append however long the run.
CREATE TABLE training_run_step (
    run_id      uuid             NOT NULL REFERENCES training_run (id) ON DELETE CASCADE,
    epoch       integer          NOT NULL,
    batch       integer          NOT NULL,
    -- the history entry of the batch's step
    step        integer          NOT NULL,
    train_score double precision NOT NULL,
    PRIMARY KEY (run_id, epoch, batch)
);

-- Validation scores in the order they were made: before the first step, then after every epoch or step.
CREATE TABLE training_run_validation (
    run_id     uuid             NOT NULL REFERENCES training_run (id) ON DELETE CASCADE,
    position   integer          NOT NULL,
    after_step integer          NOT NULL,
    score      double precision NOT NULL,
    PRIMARY KEY (run_id, position)
);
