package dev.textopt.adapter.persistence;

import dev.textopt.session.RecordHistoryPort;
import dev.textopt.session.StepParamRecord;
import dev.textopt.session.StepRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes the history in plain SQL: a step's entry when it starts, its progress while it runs, its outcome
 * with what it did to each parameter (one UPDATE … RETURNING and one batch) when it ends. BENCHMARKS.md,
 * benchmark 2 (overhead per step, p50 16.8 ms) and benchmark 1 (fan-out, 1.07 × L at N = 32): these
 * statements are in every step's start, calls and end; through Spring Data each cost 0.5–1.5 ms of JVM
 * time against a 0.1 ms round trip (fix 5).
 */
@Repository
class HistoryWrites implements RecordHistoryPort {

    /** Steps left running whose session's lease is free or expired: their instance died before they ended. */
    private static final String FAIL_ABANDONED = """
            UPDATE step_entry e SET status = 'failed', finished_at = ?,
                   error = '[{"param_id": null, "reason": "abandoned", "detail": "the instance running this step stopped before it finished; nothing was applied", "provider_status": null}]'::jsonb
              FROM optimizer_session s
             WHERE e.session_id = s.id AND e.status = 'running'
               AND (s.lease_owner IS NULL OR s.lease_expires_at < ?)""";

    /** What a sweep gives back of each step it marked failed. */
    private static final String SWEPT = "RETURNING e.id, e.session_id, e.number, CAST(e.error AS text) AS error";

    private final JsonColumns json;
    private final JdbcTemplate jdbc;
    private final DeferredWrites deferred;

    HistoryWrites(JsonColumns json, JdbcTemplate jdbc, DeferredWrites deferred) {
        this.json = json;
        this.jdbc = jdbc;
        this.deferred = deferred;
    }

    @Override
    public void insert(UUID sessionId, StepRecord record, String idempotencyKey) {
        insertIf(sessionId, record, idempotencyKey, "");
    }

    /**
     * Its own statement, after the lease's claim: its snapshot sees a run whose creation committed while the claim
     * waited for the session row (a subquery in the claim's own statement would not).
     */
    @Override
    public boolean insertStepUnlessRunActive(UUID sessionId, StepRecord record, String idempotencyKey, UUID asRun) {
        return insertIf(sessionId, record, idempotencyKey, """
                 WHERE NOT EXISTS (SELECT 1 FROM training_run WHERE session_id = ? AND status IN ('queued', 'running')
                                      AND id IS DISTINCT FROM CAST(? AS uuid))""", sessionId, asRun);
    }

    /** The entry, if {@code where} (a WHERE clause with its values, or nothing) holds; its values typed, as no VALUES types them. */
    private boolean insertIf(UUID sessionId, StepRecord record, String idempotencyKey, String where, Object... whereValues) {
        var values = new ArrayList<Object>(Arrays.asList(sessionId, record.number(), lower(record.kind()), lower(record.status()),
                timestamp(record.startedAt()), timestamp(record.finishedAt()), record.durationMs(), record.paramsTotal(),
                record.paramsDone(), record.restoredTo(), json.loss(record.loss()), json.usage(record.usage()),
                json.failures(record.failures()), idempotencyKey, json.write(record.groupEdit())));
        values.addAll(Arrays.asList(whereValues));
        List<Long> inserted = jdbc.queryForList("""
                INSERT INTO step_entry (session_id, number, kind, status, started_at, finished_at, duration_ms, params_total,
                                        params_done, restored_to, loss, usage, error, idempotency_key, group_edit)
                SELECT CAST(? AS uuid), CAST(? AS integer), CAST(? AS text), CAST(? AS text), CAST(? AS timestamptz),
                       CAST(? AS timestamptz), CAST(? AS bigint), CAST(? AS integer), CAST(? AS integer), CAST(? AS integer),
                       CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS text), CAST(? AS jsonb)%s
                RETURNING id""".formatted(where), Long.class, values.toArray());
        if (inserted.isEmpty()) {
            return false;
        }
        saveParams(inserted.get(0), record.params());
        return true;
    }

    @Override
    public boolean updateProgress(UUID sessionId, int number, int done, int total) {
        return jdbc.update("UPDATE step_entry SET params_done = ?, params_total = ? WHERE session_id = ? AND number = ? AND status = 'running'",
                done, total, sessionId, number) > 0;
    }

    /**
     * The end of a running entry: its outcome and what it did to each parameter, in one statement (the rows of
     * step_param take the entry's id from its UPDATE), sent with the step's other writes at its commit
     * ({@link DeferredWrites}, BENCHMARKS.md, 13 and 14).
     */
    @Override
    public void finish(UUID sessionId, StepRecord record) {
        List<StepParamRecord> params = record.params();
        deferred.add("""
                WITH entry AS (
                        UPDATE step_entry SET status = ?, finished_at = ?, duration_ms = ?, params_total = ?, params_done = ?,
                               loss = CAST(? AS jsonb), usage = CAST(? AS jsonb), error = CAST(? AS jsonb)
                         WHERE session_id = ? AND number = ? RETURNING id),
                     saved AS (
                        INSERT INTO step_param (step_id, position, param_id, status, reason, previous_data, data, grads)
                        SELECT entry.id, CAST(p.n AS integer) - 1, p.param_id, p.status, p.reason, p.previous_data, p.data, CAST(p.grads AS jsonb)
                          FROM entry, unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                             CAST(? AS text[])) WITH ORDINALITY AS p(param_id, status, reason, previous_data, data, grads, n))
                SELECT id FROM entry""", finished -> {
                    if (finished != 1) {
                        throw new IllegalStateException("step " + record.number() + " of session " + sessionId + " has no history entry to finish");
                    }
                }, lower(record.status()), timestamp(record.finishedAt()), record.durationMs(),
                record.paramsTotal(), record.paramsDone(), json.loss(record.loss()), json.usage(record.usage()),
                json.failures(record.failures()), sessionId, record.number(),
                params.stream().map(StepParamRecord::paramId).toArray(UUID[]::new),
                params.stream().map(StepParamRecord::status).toArray(String[]::new),
                params.stream().map(StepParamRecord::reason).toArray(String[]::new),
                params.stream().map(StepParamRecord::previousData).toArray(String[]::new),
                params.stream().map(StepParamRecord::data).toArray(String[]::new),
                params.stream().map(p -> json.gradients(p.grads())).toArray(String[]::new));
    }

    /** Steps still 'running' whose session's lease has run out (or is gone) were abandoned by a dead instance. */
    @Override
    public List<AbandonedStep> failAbandonedSteps(Instant now) {
        return jdbc.query(FAIL_ABANDONED + " " + SWEPT, (rs, n) -> abandoned(rs), timestamp(now), timestamp(now));
    }

    /**
     * The sweep's own rows are left out of the key's lookup, whose snapshot does not see the sweep's changes. One
     * row per swept step with the key's answer beside it, or one row with only the key's answer.
     */
    @Override
    public Swept failAbandonedStepsAndFindKey(Instant now, UUID sessionId, String idempotencyKey) {
        var abandoned = new ArrayList<AbandonedStep>();
        var keyUsed = new boolean[1];
        jdbc.query("""
                WITH swept AS (%s %s),
                     used AS (SELECT EXISTS (SELECT 1 FROM step_entry WHERE session_id = ? AND idempotency_key = ? AND status <> 'failed'
                                                AND id NOT IN (SELECT id FROM swept)) AS key_used)
                SELECT used.key_used, swept.* FROM used LEFT JOIN swept ON true""".formatted(FAIL_ABANDONED, SWEPT), rs -> {
                    keyUsed[0] = rs.getBoolean("key_used");
                    if (rs.getObject("session_id") != null) {
                        abandoned.add(abandoned(rs));
                    }
                }, timestamp(now), timestamp(now), sessionId, idempotencyKey);
        return new Swept(abandoned, keyUsed[0]);
    }

    private AbandonedStep abandoned(ResultSet rs) throws SQLException {
        return new AbandonedStep(rs.getObject("session_id", UUID.class), rs.getInt("number"), json.failures(rs.getString("error")));
    }

    /** Always new rows (an entry's parameters are written once), as one JDBC batch. */
    private void saveParams(Long stepId, List<StepParamRecord> params) {
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < params.size(); i++) {
            var p = params.get(i);
            rows.add(new Object[] {stepId, i, p.paramId(), p.status(), p.reason(), p.previousData(), p.data(), json.gradients(p.grads())});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO step_param (step_id, position, param_id, status, reason, previous_data, data, grads)
                    VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""", rows);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
