package dev.textopt.adapter.persistence;

import dev.textopt.optim.run.RunPosition;
import dev.textopt.optim.run.RunStatus;
import dev.textopt.optim.run.ValidationScore;
import dev.textopt.session.CreateRunPort;
import dev.textopt.session.LoadRunPort;
import dev.textopt.session.PageOf;
import dev.textopt.session.RunCommand;
import dev.textopt.session.StoredRun;
import dev.textopt.session.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Training runs created and read in plain SQL, as the run's claims and progress are written
 * ({@link RunProgress}): a run is one row plus a row per step and per validation score, read for a page of
 * runs in three queries. The request (spec) is read only by the run's loop. The caller found the session,
 * in its tenant, first.
 */
@Repository
class RunReads implements LoadRunPort, CreateRunPort {

    /** A run's usage as one JSON object by client, in the shape {@link JsonColumns#usage(String)} reads. */
    private static final String RUN_COLUMNS = """
            SELECT id, session_id, status, start_entry, total_steps, epoch, batch, failure, cancel_requested, created_at, finished_at,
                   (SELECT jsonb_object_agg(u.client_name, jsonb_build_object('prompt_tokens', u.prompt_tokens,
                           'completion_tokens', u.completion_tokens, 'cost_amount', CAST(u.cost_amount AS text), 'currency', u.currency))
                      FROM run_usage u WHERE u.run_id = training_run.id) AS usage
              FROM training_run""";

    private static final String STEPS = "SELECT run_id, step, epoch, batch, train_score FROM training_run_step";
    private static final String VALIDATION = "SELECT run_id, after_step, score FROM training_run_validation";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonColumns json;
    private final RunColumns runJson;
    private final TenantContext tenants;

    RunReads(JdbcClient jdbc, JdbcTemplate template, JsonColumns json, RunColumns runJson, TenantContext tenants) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.runJson = runJson;
        this.tenants = tenants;
    }

    @Override
    public void insert(StoredRun run, RunCommand command, String leaseOwner, Instant leaseExpiresAt) {
        jdbc.sql("""
                INSERT INTO training_run (id, session_id, status, spec, start_entry, total_steps, lease_owner, lease_expires_at, created_at)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)""")
                .params(run.id(), run.sessionId(), run.status().wire(), runJson.command(command), run.startEntry(), run.totalSteps(), leaseOwner,
                        Timestamp.from(leaseExpiresAt), Timestamp.from(run.createdAt()))
                .update();
    }

    @Override
    public Optional<StoredRun> find(UUID sessionId, UUID runId) {
        return one(RUN_COLUMNS + " WHERE id = ? AND session_id = ?", runId, sessionId);
    }

    @Override
    public Optional<StoredRun> findOwn(UUID sessionId, UUID runId) {
        return one(RUN_COLUMNS + " WHERE id = ? AND session_id = ? AND session_id IN (SELECT s.id FROM optimizer_session s WHERE s.tenant = ?)",
                runId, sessionId, tenants.current());
    }

    /**
     * The run's row (by {@code query}, whose first value is the run's id), its steps and its validation scores in one
     * round trip ({@link OneRoundTrip}): a run's page is polled while it trains, and was six round trips (BENCHMARKS.md, 14).
     */
    private Optional<StoredRun> one(String query, Object... values) {
        UUID runId = (UUID) values[0];
        var found = new ArrayList<StoredRun>(1);
        var steps = new ArrayList<StoredRun.RunStep>();
        var validation = new ArrayList<ValidationScore>();
        OneRoundTrip.send(template, List.of(
                OneRoundTrip.Part.eachRow(query, values, rows -> found.add(row(rows, 0))),
                OneRoundTrip.Part.eachRow(STEPS + " WHERE run_id = ? ORDER BY step", new Object[] {runId}, rows -> steps.add(step(rows))),
                OneRoundTrip.Part.eachRow(VALIDATION + " WHERE run_id = ? ORDER BY position", new Object[] {runId},
                        rows -> validation.add(validation(rows)))));
        return found.stream().findFirst().map(r -> withContent(r, steps, validation));
    }

    @Override
    public PageOf<StoredRun> page(UUID sessionId, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM training_run WHERE session_id = ?").param(sessionId).query(Long.class).single();
        var rows = jdbc.sql(RUN_COLUMNS + " WHERE session_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(sessionId, size, (long) page * size).query(this::row).list();
        return new PageOf<>(withContent(rows), page, size, total);
    }

    @Override
    public Optional<UUID> activeRun(UUID sessionId) {
        return jdbc.sql("SELECT id FROM training_run WHERE session_id = ? AND status IN ('queued', 'running')")
                .param(sessionId).query(UUID.class).optional();
    }

    @Override
    public Optional<RunCommand> command(UUID runId) {
        return jdbc.sql("SELECT spec FROM training_run WHERE id = ?").param(runId).query(String.class).optional().map(runJson::command);
    }

    /** The run's row, its steps and validation scores still to be added. */
    private StoredRun row(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new StoredRun(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class), RunStatus.ofWire(rs.getString("status")),
                rs.getInt("start_entry"), rs.getInt("total_steps"), new RunPosition(rs.getInt("epoch"), rs.getInt("batch")), List.of(), List.of(),
                runJson.failure(rs.getString("failure")), json.usage(rs.getString("usage")), rs.getBoolean("cancel_requested"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }

    /** The steps and validation scores of all the runs, in two queries. */
    private List<StoredRun> withContent(List<StoredRun> runs) {
        if (runs.isEmpty()) {
            return runs;
        }
        UUID[] ids = runs.stream().map(StoredRun::id).toArray(UUID[]::new);
        Map<UUID, List<StoredRun.RunStep>> steps = new HashMap<>();
        jdbc.sql(STEPS + " WHERE run_id = ANY(?) ORDER BY run_id, step").param(ids)
                .query(rs -> {
                    steps.computeIfAbsent(rs.getObject("run_id", UUID.class), k -> new ArrayList<>()).add(step(rs));
                });
        Map<UUID, List<ValidationScore>> validation = new HashMap<>();
        jdbc.sql(VALIDATION + " WHERE run_id = ANY(?) ORDER BY run_id, position").param(ids)
                .query(rs -> {
                    validation.computeIfAbsent(rs.getObject("run_id", UUID.class), k -> new ArrayList<>()).add(validation(rs));
                });
        return runs.stream().map(r -> withContent(r, steps.getOrDefault(r.id(), List.of()), validation.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private static StoredRun withContent(StoredRun r, List<StoredRun.RunStep> steps, List<ValidationScore> validation) {
        return new StoredRun(r.id(), r.sessionId(), r.status(), r.startEntry(), r.totalSteps(), r.position(), steps, validation,
                r.failure(), r.usage(), r.cancelRequested(), r.createdAt(), r.finishedAt());
    }

    private static StoredRun.RunStep step(ResultSet rs) throws SQLException {
        return new StoredRun.RunStep(rs.getInt("step"), rs.getInt("epoch"), rs.getInt("batch"), rs.getDouble("train_score"));
    }

    private static ValidationScore validation(ResultSet rs) throws SQLException {
        return new ValidationScore(rs.getInt("after_step"), rs.getDouble("score"));
    }
}
