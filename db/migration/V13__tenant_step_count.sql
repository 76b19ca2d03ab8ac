-- A tenant's running steps, counted under its step-start lock in one statement (one round trip where two were,
-- at every step's start; BENCHMARKS.md, 14). A function, because the count must see every start that committed
-- while this one waited for the lock: a VOLATILE function's queries each take a fresh snapshot, whereas a single
-- SELECT that took the lock in a subquery would count with the snapshot of its own start, from before the wait.
-- The lock is transaction-scoped: it serialises the tenant's step starts until this one commits or rolls back.
CREATE FUNCTION textopt_lock_and_count_running_steps(tenant_name text, running_at timestamptz) RETURNS bigint
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext(tenant_name));
    RETURN (SELECT count(*) FROM optimizer_session WHERE tenant = tenant_name AND lease_expires_at > running_at);
END
$$;
