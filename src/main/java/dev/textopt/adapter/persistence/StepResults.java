package dev.textopt.adapter.persistence;

import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.Usage;
import dev.textopt.session.ApplyStepPort;
import dev.textopt.session.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final JsonColumns json;
    private final TenantContext tenants;

    StepResults(JdbcTemplate jdbc, JsonColumns json, TenantContext tenants) {
        this.jdbc = jdbc;
        this.json = json;
        this.tenants = tenants;
    }

    @Override
    public void setParamValuesAndMomentum(Map<UUID, String> dataById, Map<UUID, List<MomentumEntry>> buffers) {
        if (!dataById.keySet().equals(buffers.keySet())) {
            throw new IllegalArgumentException("values and momentum buffers must be for the same parameters");
        }
        if (!dataById.isEmpty()) {
            jdbc.batchUpdate("UPDATE parameter SET data = ?, momentum_buffer = CAST(? AS jsonb) WHERE id = ?",
                    dataById.entrySet().stream().map(e -> new Object[] {e.getValue(), json.momentum(buffers.get(e.getKey())), e.getKey()})
                            .toList());
        }
    }

    @Override
    public void addUsage(UUID sessionId, Map<String, Usage> usage) {
        if (!usage.isEmpty()) {
            addUsage(usage, "", "", sessionId);
        }
    }

    @Override
    public boolean addOwnUsage(UUID sessionId, Instant updatedAt, Map<String, Usage> usage) {
        return addUsage(usage, ", updated_at = ?", " AND tenant = ?", Timestamp.from(updatedAt), sessionId, tenants.current()) == 1;
    }

    /**
     * What was spent on the session (with {@code set}, more of its columns) and each client's usage, in one
     * statement: one round trip instead of two for every operation that called a model (BENCHMARKS.md, 13);
     * {@code values} are those of the placeholders in {@code set}, the session's id, then those in {@code where}. The
     * session's row is locked before any usage row: the insert takes its rows from the session's UPDATE, as
     * every other writer of model_usage locks the session first, so no two wait for each other. An unknown
     * (null) cost stays unknown from then on. The number of sessions updated: 0 when it is not there (or not
     * the caller's tenant's, when {@code where} asks that).
     */
    private int addUsage(Map<String, Usage> usage, String set, String where, Object... values) {
        var clients = usage.entrySet().stream().toList();
        Object[] params = new Object[6 + values.length];
        params[0] = Usage.knownCost(usage);
        System.arraycopy(values, 0, params, 1, values.length);
        int i = 1 + values.length;
        params[i++] = clients.stream().map(Map.Entry::getKey).toArray(String[]::new);
        params[i++] = clients.stream().map(e -> Long.toString(e.getValue().tokens().promptTokens())).toArray(String[]::new);
        params[i++] = clients.stream().map(e -> Long.toString(e.getValue().tokens().completionTokens())).toArray(String[]::new);
        params[i++] = clients.stream().map(e -> Objects.toString(e.getValue().cost().amount(), null)).toArray(String[]::new);
        params[i] = clients.stream().map(e -> e.getValue().cost().currency()).toArray(String[]::new);
        return jdbc.queryForObject("""
                WITH s AS (UPDATE optimizer_session SET spent = spent + ?, version = version + 1%s WHERE id = ?%s RETURNING id),
                     added AS (
                        INSERT INTO model_usage AS u (session_id, client_name, prompt_tokens, completion_tokens, cost_amount, currency)
                        SELECT s.id, c.name, CAST(c.prompt AS bigint), CAST(c.completion AS bigint), CAST(c.amount AS numeric), c.currency
                          FROM s, unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                               AS c(name, prompt, completion, amount, currency)
                        ON CONFLICT (session_id, client_name) DO UPDATE SET
                            prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
                            completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
                            cost_amount = u.cost_amount + EXCLUDED.cost_amount)
                SELECT count(*) FROM s""".formatted(set, where), Integer.class, params);
    }

    /**
     * One DELETE, no session loaded: clear_grad by hand locks and reads the whole session (JPA), which cost
     * a training run a good part of its overhead per step (BENCHMARKS.md, 8).
     */
    @Override
    public void clearGrads(UUID sessionId) {
        jdbc.update("DELETE FROM gradient WHERE param_id IN (SELECT id FROM parameter WHERE session_id = ?)", sessionId);
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
