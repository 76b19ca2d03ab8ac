package dev.textopt.adapter.persistence;

import dev.textopt.session.DeleteExpiredTracesPort;
import dev.textopt.session.LoadTracePort;
import dev.textopt.session.SaveTracePort;
import dev.textopt.session.StoredTrace;
import dev.textopt.session.TenantContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Traces in SQL: a forward request's are inserted as one batch and read without entities; an evaluation is
 * one SQL batch of updates of the evaluation column alone (BENCHMARKS.md, 11: loading the rows to change them
 * was a query and an update of every column, between a run's judge and its backward pass). The repository
 * is left for the look-up of other sessions' ids and the sweep of expired traces.
 */
@Repository
class JpaTraceStore implements SaveTracePort, LoadTracePort, DeleteExpiredTracesPort {

    private final TraceRepository repository;
    private final TraceColumns columns;
    private final JdbcTemplate jdbc;
    private final TenantContext tenants;

    JpaTraceStore(TraceRepository repository, TraceColumns columns, JdbcTemplate jdbc, TenantContext tenants) {
        this.repository = repository;
        this.columns = columns;
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /**
     * One SQL batch, not entities: persisting them and flushing at the commit was half of a training run's
     * write after its forward calls (BENCHMARKS.md, 13).
     */
    @Override
    public void insert(List<StoredTrace> traces) {
        jdbc.batchUpdate("""
                INSERT INTO trace (id, session_id, batch_index, created_at, expires_at, messages, inputs, output, model_client, model,
                                   usage, params, evaluation)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb))""",
                traces.stream().map(columns::row).map(row -> new Object[] {row.id, row.sessionId, row.batchIndex,
                        row.createdAt.atOffset(ZoneOffset.UTC), row.expiresAt.atOffset(ZoneOffset.UTC), row.messages, row.inputs,
                        row.output, row.modelClient, row.model, row.usage, row.params, row.evaluation}).toList());
    }

    /**
     * In SQL rather than as entities: backward reads up to a batch of traces at its start, and loading them as
     * managed entities (a snapshot of each for dirty checking that nothing needs) was most of its read
     * (BENCHMARKS.md, 12).
     */
    @Override
    public Map<UUID, StoredTrace> find(UUID sessionId, Collection<UUID> ids, Instant now) {
        var found = new LinkedHashMap<UUID, StoredTrace>();
        if (!ids.isEmpty()) {
            jdbc.query(TraceColumns.FIND, (RowCallbackHandler) rs -> columns.add(rs, sessionId, found),
                    TraceColumns.findValues(sessionId, tenants.current(), ids, now));
        }
        return found;
    }

    @Override
    public List<UUID> ofOtherSessions(UUID sessionId, Collection<UUID> ids, Instant now) {
        return ids.isEmpty() ? List.of() : repository.ofOtherSessions(sessionId, ids, tenants.current(), now);
    }

    @Override
    public void evaluate(Map<UUID, StoredTrace.TraceEvaluation> evaluations) {
        jdbc.batchUpdate("UPDATE trace SET evaluation = CAST(? AS jsonb) WHERE id = ?", evaluations.entrySet().stream()
                .map(e -> new Object[] {columns.evaluation(e.getValue()), e.getKey()}).toList());
    }

    @Override
    public int deleteExpired(Instant now) {
        return repository.deleteExpired(now);
    }
}
