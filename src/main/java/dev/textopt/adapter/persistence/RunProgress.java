package dev.textopt.adapter.persistence;

import dev.textopt.optim.run.RunPosition;
import dev.textopt.optim.run.RunStatus;
import dev.textopt.optim.run.ValidationScore;
import dev.textopt.session.RecordRunPort;
import dev.textopt.session.RunLeasePort;
import dev.textopt.session.StoredRun;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A run's lease and progress in plain SQL, like {@link JdbcIdempotencyStore}'s claims: races between
 * instances that one conditional UPDATE decides. Every progress write names the lease owner in its WHERE,
 * so an instance that lost its run (its lease ran out and another instance took over) writes nothing.
 */
@Repository
class RunProgress implements RunLeasePort, RecordRunPort {

    private static final String HELD = " WHERE id = ? AND lease_owner = ? AND status IN ('queued', 'running')";

    private final JdbcClient jdbc;
    private final RunColumns runJson;

    RunProgress(JdbcClient jdbc, RunColumns runJson) {
        this.jdbc = jdbc;
        this.runJson = runJson;
    }

    /** SKIP LOCKED: instances polling at once each claim different runs, none waits for another's claim. */
    @Override
    public List<Claimed> claimFree(String owner, Instant now, Instant expiresAt, int max) {
        return jdbc.sql("""
                UPDATE training_run r SET lease_owner = ?, lease_expires_at = ?
                  FROM optimizer_session s
                 WHERE s.id = r.session_id AND r.id IN (
                       SELECT id FROM training_run WHERE status IN ('queued', 'running') AND (lease_owner IS NULL OR lease_expires_at < ?)
                        ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING r.id, r.session_id, s.tenant""")
                .params(owner, Timestamp.from(expiresAt), Timestamp.from(now), max)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class), rs.getString("tenant")))
                .list();
    }

    @Override
    public boolean renew(UUID runId, String owner, Instant expiresAt) {
        return jdbc.sql("UPDATE training_run SET lease_expires_at = ?" + HELD).params(Timestamp.from(expiresAt), runId, owner).update() == 1;
    }

    @Override
    public void release(UUID runId, String owner) {
        jdbc.sql("UPDATE training_run SET lease_owner = NULL, lease_expires_at = NULL" + HELD).params(runId, owner).update();
    }

    @Override
    public boolean start(UUID runId, String owner) {
        return jdbc.sql("UPDATE training_run SET status = 'running'" + HELD).params(runId, owner).update() == 1;
    }

    /** The position moves only with a new step row, in one statement: a replayed write changes nothing. The cancel flag comes with it. */
    @Override
    public Optional<Boolean> recordStep(UUID runId, String owner, StoredRun.RunStep step, RunPosition next) {
        return jdbc.sql("""
                WITH moved AS (
                    UPDATE training_run SET epoch = ?, batch = ?
                     WHERE id = ? AND lease_owner = ? AND status = 'running' AND epoch = ? AND batch = ?
                    RETURNING id, cancel_requested)
                INSERT INTO training_run_step (run_id, epoch, batch, step, train_score)
                SELECT id, ?, ?, ?, ? FROM moved
                RETURNING (SELECT cancel_requested FROM moved)""")
                .params(next.epoch(), next.batch(), runId, owner, step.epoch(), step.batch(),
                        step.epoch(), step.batch(), step.step(), step.trainScore())
                .query(Boolean.class).optional();
    }

    @Override
    public boolean recordValidation(UUID runId, String owner, int position, ValidationScore score) {
        return jdbc.sql("""
                INSERT INTO training_run_validation (run_id, position, after_step, score)
                SELECT id, ?, ?, ? FROM training_run WHERE id = ? AND lease_owner = ? AND status = 'running'
                ON CONFLICT DO NOTHING""")
                .params(position, score.afterStep(), score.score(), runId, owner).update() == 1;
    }

    @Override
    public boolean finish(UUID runId, String owner, RunStatus status, StoredRun.RunFailure failure, Instant finishedAt) {
        return jdbc.sql("""
                UPDATE training_run SET status = ?, failure = CAST(? AS jsonb), finished_at = ?, lease_owner = NULL, lease_expires_at = NULL"""
                + HELD).params(status.wire(), runJson.failure(failure), Timestamp.from(finishedAt), runId, owner).update() == 1;
    }

    @Override
    public boolean requestCancel(UUID runId, Instant now) {
        return jdbc.sql("""
                UPDATE training_run SET cancel_requested = true,
                       status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
                       finished_at = CASE WHEN status = 'queued' THEN ? ELSE finished_at END,
                       lease_owner = CASE WHEN status = 'queued' THEN NULL ELSE lease_owner END
                 WHERE id = ? AND status IN ('queued', 'running')""")
                .params(Timestamp.from(now), runId).update() == 1;
    }

    @Override
    public boolean cancelRequested(UUID runId) {
        return jdbc.sql("SELECT cancel_requested FROM training_run WHERE id = ?").param(runId).query(Boolean.class).optional().orElse(true);
    }
}
