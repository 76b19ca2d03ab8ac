package dev.textopt.adapter.persistence;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.Usage;
import dev.textopt.session.CreateSessionPort;
import dev.textopt.session.DeleteSessionPort;
import dev.textopt.session.LockSessionPort;
import dev.textopt.session.ReplaceGradsPort;
import dev.textopt.session.StoredGroup;
import dev.textopt.session.StoredSession;
import dev.textopt.session.TenantContext;
import dev.textopt.session.UpdateSessionStatePort;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/**
 * The session aggregate through JPA: creating and deleting sessions, and every change made by hand, on
 * entities of a session whose row {@link #lock} locked; the commit writes what changed. The session's
 * usage is the one part read in SQL ({@link SessionReader}): only {@link StepResults} writes it.
 */
@Repository
class SessionAggregate implements CreateSessionPort, DeleteSessionPort, LockSessionPort, UpdateSessionStatePort, ReplaceGradsPort {

    private final EntityManager entityManager;
    private final OptimizerSessionRepository sessions;
    private final SessionReader reader;
    private final StepResults usage;
    private final JsonColumns json;
    private final TenantContext tenants;
    private final Clock clock;

    SessionAggregate(EntityManager entityManager, OptimizerSessionRepository sessions, SessionReader reader, StepResults usage,
            JsonColumns json, TenantContext tenants, Clock clock) {
        this.entityManager = entityManager;
        this.sessions = sessions;
        this.reader = reader;
        this.usage = usage;
        this.json = json;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public long countSessions() {
        return sessions.countByTenant(tenants.current());
    }

    @Override
    public void insert(StoredSession session) {
        entityManager.persist(new SessionEntity(session, tenants.current(), json));
    }

    @Override
    public boolean delete(UUID id) {
        return sessions.deleteByIdAndTenant(id, tenants.current()) == 1;
    }

    @Override
    public Optional<StoredSession> lock(UUID id) {
        return sessions.findByIdAndTenant(id, tenants.current()).map(s -> s.toStored(reader.usage(id), clock.instant(), json));
    }

    @Override
    public void addGroup(UUID sessionId, StoredGroup group, int atEntry) {
        entityManager.persist(locked(sessionId).addGroup(group, atEntry, json));
    }

    @Override
    public void updateParam(UUID sessionId, UUID paramId, String data, String role, boolean requiresGrad) {
        ParamEntity param = param(paramId);
        param.data = data;
        param.role = role;
        param.requiresGrad = requiresGrad;
    }

    @Override
    public void clearGrads(UUID sessionId) {
        locked(sessionId).groups.forEach(group -> group.params.forEach(param -> param.grads.clear()));
    }

    @Override
    public void setParamValues(UUID sessionId, Map<UUID, String> dataById) {
        dataById.forEach((paramId, data) -> param(paramId).data = data);
    }

    @Override
    public void loadState(UUID sessionId, List<Map<String, Object>> optionsByGroup, Map<UUID, List<MomentumEntry>> buffers,
            Map<String, Usage> importedUsage) {
        var groups = locked(sessionId).groups;
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).options = json.write(optionsByGroup.get(i));
        }
        buffers.forEach((paramId, buffer) -> param(paramId).momentumBuffer = json.momentum(buffer));
        usage.addToUsage(sessionId, importedUsage);
    }

    @Override
    public void updateGroup(UUID sessionId, int index, Map<String, Object> options, Map<UUID, List<MomentumEntry>> buffers) {
        locked(sessionId).groups.get(index).options = json.write(options);
        buffers.forEach((paramId, buffer) -> param(paramId).momentumBuffer = json.momentum(buffer));
    }

    @Override
    public void clearUsage(UUID sessionId) {
        usage.clearUsage(sessionId);
    }

    @Override
    public int nextHistoryNumber(UUID sessionId) {
        return ++locked(sessionId).historyCount;
    }

    @Override
    public long touch(UUID sessionId, Instant now) {
        SessionEntity session = locked(sessionId);
        session.updatedAt = now;
        return ++session.version;
    }

    /**
     * A closure's gradients, in a transaction of their own while the step runs: the session row's lock and
     * new version first, then per parameter one delete and the new rows, whose ids (their order) come after
     * every gradient appended before and before any appended after.
     */
    @Override
    public void replaceGrads(UUID sessionId, Map<UUID, List<Gradient>> gradsByParam) {
        Instant now = clock.instant();
        touch(sessionId, now);
        gradsByParam.forEach((paramId, grads) -> {
            entityManager.createQuery("delete from GradientEntity g where g.param.id = :paramId").setParameter("paramId", paramId)
                    .executeUpdate();
            ParamEntity param = entityManager.getReference(ParamEntity.class, paramId);
            grads.forEach(g -> entityManager.persist(new GradientEntity(param, g, now)));
        });
    }

    /** The session row, locked (by {@link #lock} already, in the transactions of the use cases: then no query). */
    private SessionEntity locked(UUID sessionId) {
        return entityManager.find(SessionEntity.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    }

    private ParamEntity param(UUID paramId) {
        return entityManager.find(ParamEntity.class, paramId);
    }
}
