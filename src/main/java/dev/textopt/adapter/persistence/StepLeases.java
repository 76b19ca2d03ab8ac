package dev.textopt.adapter.persistence;

import dev.textopt.optim.Usage;
import dev.textopt.session.StepLeasePort;
import dev.textopt.session.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The step lease in plain SQL, each claim or release one atomic statement on the session row.
 * BENCHMARKS.md, benchmark 2 (overhead per step, p50 16.8 ms): lease and history number in one
 * statement, the step's end, its cost and the lease's release in one, none through Spring Data (each such call
 * cost 0.5–1.5 ms of JVM time against a 0.1 ms round trip; fix 5).
 */
@Repository
class StepLeases implements StepLeasePort {

    private final JdbcTemplate jdbc;
    private final UsageStatement usageStatement;
    private final TenantContext tenants;

    StepLeases(JdbcTemplate jdbc, UsageStatement usageStatement, TenantContext tenants) {
        this.jdbc = jdbc;
        this.usageStatement = usageStatement;
        this.tenants = tenants;
    }

    /** A transaction-scoped advisory lock per tenant, and the count after it, in one function (V13 says why). */
    @Override
    public long lockAndCountRunningSteps(Instant now) {
        Long running = jdbc.queryForObject("SELECT textopt_lock_and_count_running_steps(?, ?)", Long.class, tenants.current(),
                Timestamp.from(now));
        return running == null ? 0 : running;
    }

    /** The lease is free when nobody holds it or the holder's claim ran out (its instance died). */
    @Override
    public OptionalInt claimLease(UUID sessionId, String owner, Instant now, Instant expiresAt) {
        return jdbc.query("""
                UPDATE optimizer_session SET lease_owner = ?, lease_expires_at = ?, history_count = history_count + 1,
                       version = version + 1
                 WHERE id = ? AND (lease_owner IS NULL OR lease_expires_at < ?) RETURNING history_count""",
                (rs, n) -> rs.getInt(1), owner, Timestamp.from(expiresAt), sessionId, Timestamp.from(now))
                .stream().mapToInt(Integer::intValue).findFirst();
    }

    @Override
    public boolean renewLease(UUID sessionId, String owner, Instant expiresAt) {
        return jdbc.update("UPDATE optimizer_session SET lease_expires_at = ? WHERE id = ? AND lease_owner = ?",
                Timestamp.from(expiresAt), sessionId, owner) == 1;
    }

    @Override
    public boolean releaseLease(UUID sessionId, String owner, Instant now, boolean succeeded, Map<String, Usage> usage, UUID run) {
        return usageStatement.add(usage, run, """
                , updated_at = ?, step_count = step_count + CASE WHEN ? THEN 1 ELSE 0 END, lease_owner = NULL, lease_expires_at = NULL""",
                " AND lease_owner = ?", Timestamp.from(now), succeeded, sessionId, owner).sessions() == 1;
    }
}
