-- An Idempotency-Key's claim outlives no instance: the request answering it owns the claim for a short,
-- renewed lease; a retry takes over a claim whose owner stopped renewing it (its instance died).
ALTER TABLE idempotency_key
    ADD COLUMN owner            text,
    ADD COLUMN claim_expires_at timestamptz;
-- Claims left unanswered by the previous version have no owner any more: free to be taken over.
UPDATE idempotency_key SET claim_expires_at = created_at WHERE status IS NULL;

-- A step keeps the key of the request that started it, so that a retry finds the step, not a second one.
-- At most one step per key is running or succeeded; a failed one may be followed by another.
ALTER TABLE step_entry ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX step_entry_idempotency_key ON step_entry (session_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL AND status <> 'failed';
