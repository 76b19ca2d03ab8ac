package dev.textopt.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.Cost;
import dev.textopt.optim.TokenUsage;
import dev.textopt.optim.Usage;
import dev.textopt.session.RecordRunPort;
import dev.textopt.support.Sql;
import dev.textopt.support.TrainingEndToEndTest;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run's usage is added in one statement when the instance knows what it wrote last; what it knows can be out
 * of date (its transaction rolled back, another writer changed the row), and then the sum must still be right.
 */
class RunUsageTest extends TrainingEndToEndTest {

    private static final Usage TEN_TOKENS = new Usage(new TokenUsage(7, 3), new Cost(new BigDecimal("0.01"), "USD"));

    @Autowired
    RecordRunPort runs;

    @Autowired
    TransactionTemplate tx;

    @Test
    void addsToWhatTheRowHoldsWhenWhatThisInstanceWroteLastWasRolledBackOrChanged() throws SQLException {
        UUID run = heldRun(session("Answer briefly.")[0]);
        try {
            addsUp(run);
        } finally {
            Sql.update("DELETE FROM training_run WHERE id = ?", run);
        }
    }

    private void addsUp(UUID run) throws SQLException {
        assertThat(runs.addUsage(run, Map.of("openai", TEN_TOKENS))).as("not cancelled").isFalse();
        assertThat(runs.addUsage(run, Map.of("openai", TEN_TOKENS))).isFalse(); // known now: the one-statement add
        assertThat(promptTokens(run)).isEqualTo(14);

        tx.executeWithoutResult(status -> {
            runs.addUsage(run, Map.of("openai", TEN_TOKENS));
            status.setRollbackOnly();
        });
        assertThat(promptTokens(run)).as("rolled back").isEqualTo(14);
        runs.addUsage(run, Map.of("openai", TEN_TOKENS));
        assertThat(promptTokens(run)).as("added to what the row holds, not to what was rolled back").isEqualTo(21);

        Sql.update("UPDATE training_run SET usage = jsonb_set(usage, '{openai,prompt_tokens}', '100'), cancel_requested = true WHERE id = ?", run);
        assertThat(runs.addUsage(run, Map.of("openai", TEN_TOKENS, "judge", TEN_TOKENS))).as("the cancel flag comes with it").isTrue();
        assertThat(promptTokens(run)).as("added to another writer's change").isEqualTo(107);
        assertThat(Sql.count("SELECT CAST(usage->'judge'->>'completion_tokens' AS bigint) FROM training_run WHERE id = ?", run)).isEqualTo(3);
        assertThat(Sql.count("SELECT count(*) FROM training_run WHERE id = ? AND usage->'openai'->>'cost_amount' = '0.04'", run)).isEqualTo(1);
    }

    /** A running run of the session that this test holds the lease of, so that no instance works on it. */
    private static UUID heldRun(String sessionId) throws SQLException {
        UUID run = UUID.randomUUID();
        Sql.update("""
                INSERT INTO training_run (id, session_id, status, spec, start_entry, total_steps, lease_owner, lease_expires_at, created_at)
                VALUES (?, ?, 'running', '{}', 0, 1, 'a test', now() + interval '1 hour', now())""", run, UUID.fromString(sessionId));
        return run;
    }

    private static long promptTokens(UUID run) throws SQLException {
        return Sql.count("SELECT CAST(usage->'openai'->>'prompt_tokens' AS bigint) FROM training_run WHERE id = ?", run);
    }
}
