-- A training run's usage per model client, as model_usage is a session's. An operation of a run adds its tokens
-- to the run in the statement that adds them to the session (BENCHMARKS.md, 14): a row per client can be added
-- to there, where the JSON column it replaces needed a statement of its own, and a compare-and-set around it.
CREATE TABLE run_usage (
    run_id            uuid    NOT NULL REFERENCES training_run (id) ON DELETE CASCADE,
    client_name       text    NOT NULL,
    prompt_tokens     bigint  NOT NULL DEFAULT 0,
    completion_tokens bigint  NOT NULL DEFAULT 0,
    -- NULL once any call of this client used a model without a price: unknown, never invented
    cost_amount       numeric(20, 10),
    currency          text    NOT NULL DEFAULT 'USD',
    PRIMARY KEY (run_id, client_name)
);

INSERT INTO run_usage (run_id, client_name, prompt_tokens, completion_tokens, cost_amount, currency)
SELECT r.id, u.key, CAST(u.value->>'prompt_tokens' AS bigint), CAST(u.value->>'completion_tokens' AS bigint),
       CAST(u.value->>'cost_amount' AS numeric), COALESCE(u.value->>'currency', 'USD')
  FROM training_run r, jsonb_each(r.usage) u;

ALTER TABLE training_run DROP COLUMN usage;
