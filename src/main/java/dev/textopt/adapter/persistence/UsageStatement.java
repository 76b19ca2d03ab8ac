package dev.textopt.adapter.persistence;

import dev.textopt.optim.Usage;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A session's spending and its clients' usage (and a run's, when the operation works for one) added in one statement, for
 * {@link StepResults} and {@link StepLeases}.
 */
@Component
class UsageStatement {

    private final JdbcTemplate jdbc;

    UsageStatement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many sessions the statement updated (0: not there), and the cancel flag of the run it counted on too (if any). */
    record Counted(int sessions, boolean runCancelRequested) {
    }

    /**
     * What was spent on the session (with {@code set}, more of its columns) and each client's usage, in one
     * statement: one round trip instead of two for every step and operation that called a model (BENCHMARKS.md, 13);
     * {@code values} are those of the placeholders in {@code set}, the session's id, then those in {@code where}. The
     * session's row is locked before any usage row: the inserts take their rows from the session's UPDATE, as
     * every other writer of model_usage locks the session first, so no two wait for each other. An unknown
     * (null) cost stays unknown from then on. With {@code run} (null: none), the training run the operation
     * works for counts the usage too, and its cancel flag comes back (BENCHMARKS.md, 14).
     */
    Counted add(Map<String, Usage> usage, UUID run, String set, String where, Object... values) {
        Object[] params = new Object[8 + values.length];
        params[0] = Usage.knownCost(usage);
        System.arraycopy(values, 0, params, 1, values.length);
        int i = 1 + values.length;
        i = clients(usage, params, i);
        params[i++] = run;
        params[i] = run;
        return jdbc.queryForObject("""
                WITH s AS (UPDATE optimizer_session SET spent = spent + ?, version = version + 1%s WHERE id = ?%s RETURNING id),
                     c AS (%s),
                     added AS (%s SELECT s.id, c.* FROM s, c %s),
                     run_added AS (%s SELECT r.id, c.* FROM s, c, training_run r WHERE r.id = ? %s)
                SELECT count(*), COALESCE((SELECT cancel_requested FROM training_run WHERE id = ?), false) FROM s"""
                .formatted(set, where, CLIENTS, insert("model_usage", "session_id"), upsert("session_id"), insert("run_usage", "run_id"),
                        upsert("run_id")),
                (rs, n) -> new Counted(rs.getInt(1), rs.getBoolean(2)), params);
    }

    /** The clients' usage, one row each (name, prompt, completion, amount, currency), from five array parameters. */
    private static final String CLIENTS = """
            SELECT c.name, CAST(c.prompt AS bigint), CAST(c.completion AS bigint), CAST(c.amount AS numeric), c.currency
              FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                   AS c(name, prompt, completion, amount, currency)""";

    private static String insert(String table, String owner) {
        return "INSERT INTO %s AS u (%s, client_name, prompt_tokens, completion_tokens, cost_amount, currency)".formatted(table, owner);
    }

    private static String upsert(String owner) {
        return """
                ON CONFLICT (%s, client_name) DO UPDATE SET
                    prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
                    completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
                    cost_amount = u.cost_amount + EXCLUDED.cost_amount""".formatted(owner);
    }

    private static int clients(Map<String, Usage> usage, Object[] params, int i) {
        var clients = usage.entrySet().stream().toList();
        params[i++] = clients.stream().map(Map.Entry::getKey).toArray(String[]::new);
        params[i++] = clients.stream().map(e -> Long.toString(e.getValue().tokens().promptTokens())).toArray(String[]::new);
        params[i++] = clients.stream().map(e -> Long.toString(e.getValue().tokens().completionTokens())).toArray(String[]::new);
        params[i++] = clients.stream().map(e -> e.getValue().cost().amount()).map(a -> a == null ? null : a.toPlainString())
                .toArray(String[]::new);
        params[i++] = clients.stream().map(e -> e.getValue().cost().currency()).toArray(String[]::new);
        return i;
    }
}
