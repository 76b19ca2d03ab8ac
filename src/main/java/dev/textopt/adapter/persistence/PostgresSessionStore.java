package dev.textopt.adapter.persistence;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.Usage;
import dev.textopt.session.SessionStore;
import dev.textopt.session.StoredGroup;
import dev.textopt.session.StoredParam;
import dev.textopt.session.StoredSession;
import dev.textopt.session.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sessions in PostgreSQL: plain SQL on the hot paths (reading a session, appending gradients, all that a
 * step reads and writes), JPA entities for the rest (creating sessions and groups, hand edits, loading a
 * state dict). A session is found only by its own tenant; every other method takes ids the caller got
 * from such a find. Loading a session never touches the history tables.
 */
@Repository
class PostgresSessionStore implements SessionStore {

    private final OptimizerSessionRepository sessions;
    private final GroupRepository groups;
    private final ParamRepository params;
    private final GradientRepository gradients;
    private final JsonColumns json;
    private final Clock clock;
    private final HistoryStore history;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final SessionReader reader;
    private final TenantContext tenants;

    PostgresSessionStore(OptimizerSessionRepository sessions, GroupRepository groups, ParamRepository params, GradientRepository gradients,
            JsonColumns json, Clock clock, HistoryStore history, JdbcTemplate jdbc,
            EntityManager entityManager, SessionReader reader, TenantContext tenants) {
        this.sessions = sessions;
        this.groups = groups;
        this.params = params;
        this.gradients = gradients;
        this.json = json;
        this.clock = clock;
        this.history = history;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.reader = reader;
        this.tenants = tenants;
    }

    @Override
    public void insert(StoredSession session) {
        var entity = new SessionEntity(session.id(), tenants.current(), session.optimizer(), json.write(session.defaults()),
                session.createdAt());
        if (session.budget() != null) {
            entity.budgetAmount = session.budget().amount();
            entity.budgetCurrency = session.budget().currency();
        }
        sessions.save(entity);
        for (StoredGroup group : session.groups()) {
            addGroup(session.id(), group, 0);
        }
    }

    @Override
    public Optional<StoredSession> find(UUID id) {
        flushPendingChanges();
        return reader.find(id, tenants.current());
    }

    @Override
    public boolean exists(UUID id) {
        return sessions.existsByIdAndTenant(id, tenants.current());
    }

    @Override
    public long countSessions() {
        return sessions.countByTenant(tenants.current());
    }

    @Override
    public void lockTenantStepStarts() {
        // A transaction-scoped advisory lock per tenant (released at commit or rollback).
        jdbc.queryForObject("SELECT CAST(pg_advisory_xact_lock(hashtext(?)) AS text)", String.class, tenants.current());
    }

    @Override
    public long countRunningSteps(Instant now) {
        Long running = jdbc.queryForObject("SELECT count(*) FROM optimizer_session WHERE tenant = ? AND lease_expires_at > ?",
                Long.class, tenants.current(), Timestamp.from(now));
        return running == null ? 0 : running;
    }

    @Override
    public Optional<StoredParam> findParam(UUID sessionId, UUID paramId) {
        flushPendingChanges();
        return reader.param(sessionId, paramId, tenants.current());
    }

    @Override
    public PageOf<StoredSession> list(int page, int size) {
        flushPendingChanges();
        return reader.page(tenants.current(), page, size);
    }

    @Override
    public boolean delete(UUID id) {
        if (!exists(id)) {
            return false;
        }
        sessions.deleteById(id); // the rest goes with ON DELETE CASCADE
        return true;
    }

    @Override
    public void addGroup(UUID sessionId, StoredGroup group, int atEntry) {
        var entity = groups.save(new GroupEntity(sessionId, groups.countBySessionId(sessionId), json.write(group.options())));
        int position = 0;
        for (StoredParam param : group.params()) {
            params.save(new ParamEntity(param.id(), sessionId, entity.id, position++, param.data(), param.role(),
                    param.requiresGrad(), atEntry, json.momentum(param.momentumBuffer())));
            appendGrads(param.id(), param.grad());
        }
    }

    @Override
    public void updateParam(UUID paramId, String data, String role, boolean requiresGrad) {
        var param = params.findById(paramId).orElseThrow();
        param.data = data;
        param.role = role;
        param.requiresGrad = requiresGrad;
    }

    /** One JDBC batch; the generated ids keep the order of the list. */
    @Override
    public void appendGrads(UUID paramId, List<Gradient> grads) {
        var now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("INSERT INTO gradient (param_id, data, role, context, created_at) VALUES (?, ?, ?, ?, ?)",
                grads.stream().map(g -> new Object[] {paramId, g.data(), g.role(), g.context(), now}).toList());
    }

    @Override
    public void replaceGrads(UUID paramId, List<Gradient> grads) {
        gradients.deleteByParam(paramId);
        appendGrads(paramId, grads);
    }

    @Override
    public void clearGrads(UUID sessionId) {
        gradients.deleteBySession(sessionId);
    }

    @Override
    public void setParamValues(Map<UUID, String> dataById) {
        updateParams("UPDATE parameter SET data = ? WHERE id = ?",
                dataById.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
    }

    @Override
    public void setMomentumBuffers(Map<UUID, List<MomentumEntry>> buffers) {
        updateParams("UPDATE parameter SET momentum_buffer = CAST(? AS jsonb) WHERE id = ?",
                buffers.entrySet().stream().map(e -> new Object[] {json.momentum(e.getValue()), e.getKey()}).toList());
    }

    @Override
    public void setParamValuesAndMomentum(Map<UUID, String> dataById, Map<UUID, List<MomentumEntry>> buffers) {
        if (!dataById.keySet().equals(buffers.keySet())) {
            throw new IllegalArgumentException("values and momentum buffers must be for the same parameters");
        }
        updateParams("UPDATE parameter SET data = ?, momentum_buffer = CAST(? AS jsonb) WHERE id = ?",
                dataById.entrySet().stream().map(e -> new Object[] {e.getValue(), json.momentum(buffers.get(e.getKey())), e.getKey()})
                        .toList());
    }

    /**
     * One JDBC batch (one round trip) for all of a step's parameters instead of one statement each: a
     * step of 32 parameters spent most of its overhead here (BENCHMARKS.md). Pending JPA changes are
     * flushed first and the persistence context cleared after, as the former @Modifying queries did.
     */
    private void updateParams(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.flush();
        jdbc.batchUpdate(sql, rows);
        entityManager.clear();
    }

    @Override
    public void replaceGroupOptions(UUID sessionId, List<Map<String, Object>> optionsByGroup) {
        var stored = groups.findBySessionIdOrderByPosition(sessionId);
        for (int i = 0; i < stored.size(); i++) {
            stored.get(i).options = json.write(optionsByGroup.get(i));
        }
    }

    @Override
    public void addUsage(UUID sessionId, Map<String, Usage> usage) {
        addImportedUsage(sessionId, usage);
        var spent = Usage.knownCost(usage);
        if (spent.signum() > 0) {
            jdbc.update("UPDATE optimizer_session SET spent = spent + ? WHERE id = ?", spent, sessionId);
        }
    }

    @Override
    public void addImportedUsage(UUID sessionId, Map<String, Usage> usage) {
        if (usage.isEmpty()) {
            return;
        }
        // Adds to a client's usage atomically; an unknown (null) cost stays unknown from then on.
        jdbc.batchUpdate("""
                INSERT INTO model_usage AS u (session_id, client_name, prompt_tokens, completion_tokens, cost_amount, currency)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (session_id, client_name) DO UPDATE SET
                    prompt_tokens = u.prompt_tokens + EXCLUDED.prompt_tokens,
                    completion_tokens = u.completion_tokens + EXCLUDED.completion_tokens,
                    cost_amount = u.cost_amount + EXCLUDED.cost_amount""",
                usage.entrySet().stream().map(e -> new Object[] {sessionId, e.getKey(), e.getValue().tokens().promptTokens(),
                        e.getValue().tokens().completionTokens(), e.getValue().cost().amount(), e.getValue().cost().currency()}).toList());
    }

    @Override
    public void touch(UUID sessionId, Instant now, boolean countsAsStep) {
        sessions.touch(sessionId, now, countsAsStep);
    }

    @Override
    public boolean touchOwn(UUID sessionId, Instant now) {
        return jdbc.update("UPDATE optimizer_session SET version = version + 1, updated_at = ? WHERE id = ? AND tenant = ?",
                Timestamp.from(now), sessionId, tenants.current()) == 1;
    }

    /** The lease is free when nobody holds it or the holder's claim ran out (its instance died). */
    @Override
    public java.util.OptionalInt claimLease(UUID sessionId, String owner, Instant now, Instant expiresAt) {
        return jdbc.query("""
                UPDATE optimizer_session SET lease_owner = ?, lease_expires_at = ?, history_count = history_count + 1
                 WHERE id = ? AND (lease_owner IS NULL OR lease_expires_at < ?) RETURNING history_count""",
                (rs, n) -> rs.getInt(1), owner, Timestamp.from(expiresAt), sessionId, Timestamp.from(now))
                .stream().mapToInt(Integer::intValue).findFirst();
    }

    @Override
    public boolean renewLease(UUID sessionId, String owner, Instant expiresAt) {
        return jdbc.update("UPDATE optimizer_session SET lease_expires_at = ? WHERE id = ? AND lease_owner = ?",
                Timestamp.from(expiresAt), sessionId, owner) == 1;
    }

    @Override
    public void releaseLease(UUID sessionId, String owner, Instant now, boolean succeeded) {
        jdbc.update("""
                UPDATE optimizer_session SET version = version + 1, updated_at = ?,
                       step_count = step_count + CASE WHEN ? THEN 1 ELSE 0 END, lease_owner = NULL, lease_expires_at = NULL
                 WHERE id = ? AND lease_owner = ?""", Timestamp.from(now), succeeded, sessionId, owner);
    }

    @Override
    public int nextHistoryNumber(UUID sessionId) {
        return sessions.nextHistoryNumber(sessionId);
    }

    @Override
    public void insertHistory(UUID sessionId, dev.textopt.session.StepRecord entry, String idempotencyKey) {
        history.insert(sessionId, entry, idempotencyKey);
    }

    @Override
    public Optional<dev.textopt.session.StepRecord> stepStartedBy(UUID sessionId, String idempotencyKey) {
        return history.startedBy(sessionId, idempotencyKey);
    }

    @Override
    public void finishHistory(UUID sessionId, dev.textopt.session.StepRecord entry) {
        history.finish(sessionId, entry);
    }

    @Override
    public void updateProgress(UUID sessionId, int number, int paramsDone) {
        history.progress(sessionId, number, paramsDone);
    }

    @Override
    public PageOf<dev.textopt.session.StepRecord> history(UUID sessionId, int page, int size) {
        return history.page(sessionId, page, size);
    }

    @Override
    public Optional<dev.textopt.session.StepRecord> historyEntry(UUID sessionId, int number) {
        return history.entry(sessionId, number);
    }

    @Override
    public Map<UUID, String> valuesAfter(UUID sessionId, int number) {
        var values = new LinkedHashMap<UUID, String>();
        for (ParamEntity param : params.findBySessionIdOrderByGroupIdAscPositionAsc(sessionId)) {
            if (param.addedAtEntry <= number) {
                values.put(param.id, param.initialData);
            }
        }
        history.valuesUpTo(sessionId, number).forEach((id, data) -> values.computeIfPresent(id, (k, v) -> data));
        return values;
    }

    @Override
    public int failAbandonedSteps(Instant now) {
        return history.failAbandoned(now);
    }

    /**
     * Plain SQL does not see what JPA has not yet written: changes made to entities earlier in this
     * transaction (say, a parameter edited by hand) go to the database before it reads.
     */
    private void flushPendingChanges() {
        if (TransactionSynchronizationManager.isActualTransactionActive() && entityManager.isJoinedToTransaction()) {
            entityManager.flush();
        }
    }
}
