package dev.textopt.adapter.persistence;

import dev.textopt.session.DeleteExpiredTracesPort;
import dev.textopt.session.LoadTracePort;
import dev.textopt.session.SaveTracePort;
import dev.textopt.session.StoredTrace;
import dev.textopt.session.TenantContext;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Traces as JPA entities: a forward request's are inserted as one batch, and the commit writes them. An
 * evaluation is one SQL batch of updates of the evaluation column alone (BENCHMARKS.md, 11: loading the rows
 * to change them was a query and an update of every column, between a run's judge and its backward pass),
 * in a transaction that holds no trace entity. No other code writes the trace table, so nothing is flushed
 * or cleared by hand.
 */
@Repository
class JpaTraceStore implements SaveTracePort, LoadTracePort, DeleteExpiredTracesPort {

    private final TraceRepository repository;
    private final TraceColumns columns;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;
    private final TenantContext tenants;

    JpaTraceStore(TraceRepository repository, TraceColumns columns, EntityManager entityManager, JdbcTemplate jdbc, TenantContext tenants) {
        this.repository = repository;
        this.columns = columns;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /** persist, not save: the ids are ours, and save would first look for each row. */
    @Override
    public void insert(List<StoredTrace> traces) {
        traces.forEach(trace -> entityManager.persist(columns.row(trace)));
    }

    @Override
    public Map<UUID, StoredTrace> find(UUID sessionId, Collection<UUID> ids, Instant now) {
        var found = new LinkedHashMap<UUID, StoredTrace>();
        if (!ids.isEmpty()) {
            repository.findOwn(sessionId, ids, tenants.current(), now).forEach(row -> found.put(row.id, columns.trace(row)));
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
