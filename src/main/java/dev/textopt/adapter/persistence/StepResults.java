package dev.textopt.adapter.persistence;

import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.Usage;
import dev.textopt.session.ApplyStepPort;
import dev.textopt.session.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What a step leaves behind, in plain SQL: new values and momentum buffers of all its parameters in one
 * batch, its usage added atomically, and (a training run's step) its gradients cleared. BENCHMARKS.md,
 * benchmark 2 (overhead per step, p50 16.8 ms): one statement per parameter was most of a 32-parameter
 * step's overhead; the batch is one round trip (fix 5). Forward, evaluate and backward add their usage here too,
 * in the UPDATE that locks their session's row (BENCHMARKS.md, 11).
 */
@Repository
class StepResults implements ApplyStepPort {

    private final JdbcTemplate jdbc;
    private final UsageStatement usageStatement;
    private final JsonColumns json;
    private final TenantContext tenants;
    private final DeferredWrites deferred;

    StepResults(JdbcTemplate jdbc, UsageStatement usageStatement, JsonColumns json, TenantContext tenants, DeferredWrites deferred) {
        this.jdbc = jdbc;
        this.usageStatement = usageStatement;
        this.json = json;
        this.tenants = tenants;
        this.deferred = deferred;
    }

    @Override
    public void setParamValuesAndMomentum(Map<UUID, String> dataById, Map<UUID, List<MomentumEntry>> buffers) {
        if (!dataById.keySet().equals(buffers.keySet())) {
            throw new IllegalArgumentException("values and momentum buffers must be for the same parameters");
        }
        dataById.forEach((id, data) -> deferred.add("UPDATE parameter SET data = ?, momentum_buffer = CAST(? AS jsonb) WHERE id = ?",
                data, json.momentum(buffers.get(id)), id));
    }

    @Override
    public void addUsage(UUID sessionId, Map<String, Usage> usage, UUID run) {
        if (!usage.isEmpty()) {
            usageStatement.add(usage, run, "", "", sessionId);
        }
    }

    @Override
    public Optional<Boolean> addOwnUsage(UUID sessionId, Instant updatedAt, Map<String, Usage> usage, UUID run) {
        var counted = usageStatement.add(usage, run, ", updated_at = ?", " AND tenant = ?", Timestamp.from(updatedAt), sessionId,
                tenants.current());
        return counted.sessions() == 1 ? Optional.of(counted.runCancelRequested()) : Optional.empty();
    }

    /**
     * One DELETE, no session loaded: clear_grad by hand locks and reads the whole session (JPA), which cost
     * a training run a good part of its overhead per step (BENCHMARKS.md, 8).
     */
    @Override
    public void clearGrads(UUID sessionId) {
        deferred.add("DELETE FROM gradient WHERE param_id IN (SELECT id FROM parameter WHERE session_id = ?)", sessionId);
    }

    /**
     * Every client's usage back to nothing, its cost known again (0 USD): afnio's {@code clear_usage}. Leaves
     * the clients listed and what the session spent alone. A step that is running adds its usage when it ends.
     */
    void clearUsage(UUID sessionId) {
        jdbc.update("UPDATE model_usage SET prompt_tokens = 0, completion_tokens = 0, cost_amount = 0, currency = 'USD' WHERE session_id = ?",
                sessionId);
    }

    /**
     * Adds to each client's usage atomically; an unknown (null) cost stays unknown from then on. Also what a
     * loaded state dict brings, which adds to the usage but not to what was spent.
     */
    void addToUsage(UUID sessionId, Map<String, Usage> usage) {
        if (usage.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO model_usage AS u (session_id, client_name, prompt_tokens, completion_tokens, cost_amount, currency)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (session_id, client_name) DO UPDATE SET
                    prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
                    completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
                    cost_amount = u.cost_amount + EXCLUDED.cost_amount""",
                usage.entrySet().stream().map(e -> new Object[] {sessionId, e.getKey(), e.getValue().tokens().promptTokens(),
                        e.getValue().tokens().completionTokens(), e.getValue().cost().amount(), e.getValue().cost().currency()}).toList());
    }
}
