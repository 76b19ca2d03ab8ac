-- A change of a param group's options mid-run (PATCH …/param-groups/{index}) is a history entry of its
-- own kind, which keeps each option it changed as it was and as it is:
-- {"param_group": 0, "changes": {"momentum": {"before": 2, "after": 1}}}.
ALTER TABLE step_entry DROP CONSTRAINT step_entry_kind_check;
ALTER TABLE step_entry ADD CONSTRAINT step_entry_kind_check CHECK (kind IN ('step', 'restore', 'edit', 'edit_group'));
ALTER TABLE step_entry ADD COLUMN group_edit jsonb;
