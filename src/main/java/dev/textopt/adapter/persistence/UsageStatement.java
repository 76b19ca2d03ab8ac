package dev.textopt.adapter.persistence;

import dev.textopt.optim.Usage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A session's spending and its clients' usage (and a run's, when the operation works for one) added in one
 * statement, for {@link StepResults} and {@link StepLeases}.
 */
@Component
class UsageStatement {

    /** How many sessions the statement updated (0: not there), and the cancel flag of the run it counted on too (if any). */
    record Counted(int sessions, boolean runCancelRequested) {
    }

    /**
     * The session's UPDATE (its SET and WHERE completed by the caller), each client's usage as a row (from five
     * arrays), added to model_usage and, for a run (the run's id twice; null: none), to run_usage.
     */
    private static final String SQL = """
            WITH s AS (UPDATE optimizer_session SET spent = spent + ?, version = version + 1%s WHERE id = ?%s RETURNING id),
                 c AS (SELECT c.name, CAST(c.prompt AS bigint) AS prompt, CAST(c.completion AS bigint) AS completion,
                              CAST(c.amount AS numeric) AS amount, c.currency
                         FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                              AS c(name, prompt, completion, amount, currency)),
                 added AS (
                    INSERT INTO model_usage AS u (session_id, client_name, prompt_tokens, completion_tokens, cost_amount, currency)
                    SELECT s.id, c.* FROM s, c
                    ON CONFLICT (session_id, client_name) DO UPDATE SET
                        prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
                        completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
                        cost_amount = u.cost_amount + EXCLUDED.cost_amount),
                 run_added AS (
                    INSERT INTO run_usage AS u (run_id, client_name, prompt_tokens, completion_tokens, cost_amount, currency)
                    SELECT r.id, c.* FROM s, c, training_run r WHERE r.id = ?
                    ON CONFLICT (run_id, client_name) DO UPDATE SET
                        prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
                        completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
                        cost_amount = u.cost_amount + EXCLUDED.cost_amount)
            SELECT count(*), COALESCE((SELECT cancel_requested FROM training_run WHERE id = ?), false) FROM s""";

    private final JdbcTemplate jdbc;

    UsageStatement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        var clients = usage.entrySet().stream().toList();
        var params = new ArrayList<Object>();
        params.add(Usage.knownCost(usage));
        params.addAll(Arrays.asList(values));
        params.add(clients.stream().map(Map.Entry::getKey).toArray(String[]::new));
        params.add(clients.stream().map(e -> Long.toString(e.getValue().tokens().promptTokens())).toArray(String[]::new));
        params.add(clients.stream().map(e -> Long.toString(e.getValue().tokens().completionTokens())).toArray(String[]::new));
        params.add(clients.stream().map(e -> e.getValue().cost().amount()).map(a -> a == null ? null : a.toPlainString())
                .toArray(String[]::new));
        params.add(clients.stream().map(e -> e.getValue().cost().currency()).toArray(String[]::new));
        params.add(run);
        params.add(run);
        return jdbc.queryForObject(SQL.formatted(set, where), (rs, n) -> new Counted(rs.getInt(1), rs.getBoolean(2)), params.toArray());
    }
}
