-- What a session has spent on priced model calls, for its budget. Only model calls raise it, in the
-- transaction that adds their usage; nothing lowers it: importing a state dict adds to the reported
-- usage (model_usage) but not to what was spent, so an old export cannot rewind a budget.
ALTER TABLE optimizer_session ADD COLUMN spent numeric(20, 10) NOT NULL DEFAULT 0;

-- Imports before this migration accepted any amount and currency; the step that read them failed.
-- Usage in another currency or with a negative amount is not a price we computed: its cost is unknown.
UPDATE model_usage SET cost_amount = NULL, currency = 'USD'
 WHERE currency <> 'USD' OR cost_amount < 0;

-- Until now the budget was checked against the usage; that is where what was spent starts.
UPDATE optimizer_session s
   SET spent = u.total
  FROM (SELECT session_id, sum(cost_amount) AS total FROM model_usage
         WHERE cost_amount IS NOT NULL GROUP BY session_id) u
 WHERE u.session_id = s.id;
