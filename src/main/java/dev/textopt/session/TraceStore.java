package dev.textopt.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where forward traces live, and the value versions they are checked against. Runs in the caller's
 * transaction. Callers found the session first (with the tenant's rights); traces are only ever looked up
 * within it, and an expired trace is never returned.
 */
public interface TraceStore {

    void insert(List<StoredTrace> traces);

    /** The session's unexpired traces among {@code ids}, by id; ids it has no such trace for are left out. */
    Map<UUID, StoredTrace> find(UUID sessionId, Collection<UUID> ids, Instant now);

    /** Of {@code ids}, those that are unexpired traces of another session of the current tenant. */
    List<UUID> ofOtherSessions(UUID sessionId, Collection<UUID> ids, Instant now);

    /** Stores each trace's evaluation, replacing an earlier one. */
    void evaluate(Map<UUID, StoredTrace.TraceEvaluation> evaluations);

    /**
     * Each parameter's value version now: the number of the last history entry that gave it a new value (a
     * step, a restore, a hand edit), else the entry it joined after.
     */
    Map<UUID, Integer> paramVersions(UUID sessionId);

    int deleteExpired(Instant now);
}
