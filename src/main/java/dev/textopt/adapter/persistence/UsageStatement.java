package dev.textopt.adapter.persistence;

import dev.textopt.optim.Usage;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A session's spending and its clients' usage added in one statement, for {@link StepResults} and {@link StepLeases}. */
@Component
class UsageStatement {

    private final JdbcTemplate jdbc;

    UsageStatement(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What was spent on the session (with {@code set}, more of its columns) and each client's usage, in one
     * statement: one round trip instead of two for every step and operation that called a model (BENCHMARKS.md, 13);
     * {@code values} are those of the placeholders in {@code set}, the session's id, then those in {@code where}. The
     * session's row is locked before any usage row: the insert takes its rows from the session's UPDATE, as
     * every other writer of model_usage locks the session first, so no two wait for each other. An unknown
     * (null) cost stays unknown from then on. The number of sessions updated: 0 when it is not there (or not
     * the caller's tenant's, when {@code where} asks that).
     */
    int add(Map<String, Usage> usage, String set, String where, Object... values) {
        var clients = usage.entrySet().stream().toList();
        Object[] params = new Object[6 + values.length];
        params[0] = Usage.knownCost(usage);
        System.arraycopy(values, 0, params, 1, values.length);
        int i = 1 + values.length;
        params[i++] = clients.stream().map(Map.Entry::getKey).toArray(String[]::new);
        params[i++] = clients.stream().map(e -> Long.toString(e.getValue().tokens().promptTokens())).toArray(String[]::new);
        params[i++] = clients.stream().map(e -> Long.toString(e.getValue().tokens().completionTokens())).toArray(String[]::new);
        params[i++] = clients.stream().map(e -> e.getValue().cost().amount()).map(a -> a == null ? null : a.toPlainString())
                .toArray(String[]::new);
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
}
