package dev.textopt.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.Cost;
import dev.textopt.optim.TokenUsage;
import dev.textopt.optim.Usage;
import dev.textopt.session.ApplyStepPort;
import dev.textopt.session.TenantContext;
import dev.textopt.support.Sql;
import dev.textopt.support.TrainingEndToEndTest;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operation of a run counts its cost on the run in the statement that counts it on the session (BENCHMARKS.md,
 * 14): both add up, an unknown cost stays unknown on the run too, the run's cancel flag comes back with it, and a
 * run that is not there is not counted on, while the session still is.
 */
class RunUsageTest extends TrainingEndToEndTest {

    private static final Usage TEN_TOKENS = new Usage(new TokenUsage(7, 3), new Cost(new BigDecimal("0.01"), "USD"));
    private static final Usage UNPRICED = new Usage(new TokenUsage(5, 1), new Cost(null, "USD"));

    @Autowired
    ApplyStepPort usage;

    @Autowired
    TenantContext tenants;

    @Test
    void anOperationsCostIsCountedOnItsRunWithItsSession() throws SQLException {
        UUID session = UUID.fromString(session("Answer briefly.")[0]);
        UUID run = heldRun(session);
        try {
            long before = Sql.count("SELECT COALESCE(SUM(prompt_tokens), 0) FROM model_usage WHERE session_id = ? AND client_name = 'openai'",
                    session);
            usage.addUsage(session, Map.of("openai", TEN_TOKENS), run);
            usage.addUsage(session, Map.of("openai", TEN_TOKENS, "judge", UNPRICED), run);
            usage.addUsage(session, Map.of("judge", TEN_TOKENS), run);
            usage.addUsage(session, Map.of("openai", TEN_TOKENS), null); // not the run's

            assertThat(runTokens(run, "openai")).isEqualTo(14);
            assertThat(Sql.count("SELECT completion_tokens FROM run_usage WHERE run_id = ? AND client_name = 'openai'", run)).isEqualTo(6);
            assertThat(Sql.count("SELECT count(*) FROM run_usage WHERE run_id = ? AND client_name = 'openai' AND cost_amount = 0.02", run))
                    .isEqualTo(1);
            assertThat(runTokens(run, "judge")).isEqualTo(12);
            assertThat(Sql.count("SELECT count(*) FROM run_usage WHERE run_id = ? AND client_name = 'judge' AND cost_amount IS NULL", run))
                    .as("unknown once, unknown from then on").isEqualTo(1);
            assertThat(Sql.count("SELECT prompt_tokens FROM model_usage WHERE session_id = ? AND client_name = 'openai'", session))
                    .isEqualTo(before + 21);

            assertThat(ownUsage(session, run)).as("the run's cancel flag comes with the count").contains(false);
            Sql.update("UPDATE training_run SET cancel_requested = true WHERE id = ?", run);
            assertThat(ownUsage(session, run)).contains(true);
            assertThat(ownUsage(session, null)).as("no run, no flag").contains(false);

            usage.addUsage(session, Map.of("openai", TEN_TOKENS), UUID.randomUUID());
            assertThat(Sql.count("SELECT prompt_tokens FROM model_usage WHERE session_id = ? AND client_name = 'openai'", session))
                    .as("counted on the session though its run is not there").isEqualTo(before + 28);
            assertThat(runTokens(run, "openai")).isEqualTo(14);
        } finally {
            Sql.update("DELETE FROM training_run WHERE id = ?", run);
        }
        assertThat(Sql.count("SELECT count(*) FROM run_usage WHERE run_id = ?", run)).as("deleted with its run").isZero();
    }

    private Optional<Boolean> ownUsage(UUID session, UUID run) throws SQLException {
        String tenant;
        try (var connection = Sql.connect(); var statement = connection.prepareStatement("SELECT tenant FROM optimizer_session WHERE id = ?")) {
            statement.setObject(1, session);
            try (var rows = statement.executeQuery()) {
                rows.next();
                tenant = rows.getString(1);
            }
        }
        var counted = new AtomicReference<Optional<Boolean>>();
        tenants.actingFor(tenant, () -> counted.set(usage.addOwnUsage(session, Instant.now(), Map.of(), run)));
        return counted.get();
    }

    /** A running run of the session that this test holds the lease of, so that no instance works on it. */
    private static UUID heldRun(UUID sessionId) throws SQLException {
        UUID run = UUID.randomUUID();
        Sql.update("""
                INSERT INTO training_run (id, session_id, status, spec, start_entry, total_steps, lease_owner, lease_expires_at, created_at)
                VALUES (?, ?, 'running', '{}', 0, 1, 'a test', now() + interval '1 hour', now())""", run, sessionId);
        return run;
    }

    private static long runTokens(UUID run, String client) throws SQLException {
        return Sql.count("SELECT prompt_tokens FROM run_usage WHERE run_id = ? AND client_name = ?", run, client);
    }
}
