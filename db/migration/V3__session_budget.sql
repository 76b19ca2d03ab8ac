-- An optional spending limit per session: a step that would start once it is spent is refused.
ALTER TABLE optimizer_session
    ADD COLUMN budget_amount   numeric(20, 10),
    ADD COLUMN budget_currency text;
