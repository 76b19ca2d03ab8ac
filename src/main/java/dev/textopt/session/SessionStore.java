package dev.textopt.session;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The port to where sessions live. Every method runs inside the caller's transaction; the session
 * services decide where transactions begin and end.
 */
public interface SessionStore {

    void insert(StoredSession session);

    Optional<StoredSession> find(UUID id);

    boolean exists(UUID id);

    /** Sessions of the current tenant. */
    long countSessions();

    /** Serialises step starts of the current tenant until the transaction ends, so that counting them is exact. */
    void lockTenantStepStarts();

    /** Sessions of the current tenant with a step running (an unexpired lease). */
    long countRunningSteps(Instant now);

    /**
     * One parameter of the tenant's session with its grad and momentum buffer, reading nothing else of
     * the session: the gradient-append path, which must not load every parameter's grads. Empty when the
     * tenant has no such session or the session no such parameter.
     */
    Optional<StoredParam> findParam(UUID sessionId, UUID paramId);

    PageOf<StoredSession> list(int page, int size);

    boolean delete(UUID id);

    /** Adds a group after the existing ones; its parameters join after history entry {@code atEntry}. */
    void addGroup(UUID sessionId, StoredGroup group, int atEntry);

    void updateParam(UUID paramId, String data, String role, boolean requiresGrad);

    void appendGrads(UUID paramId, List<Gradient> grads);

    /** Replaces the gradients a parameter had up to the snapshot; gradients appended since stay after them. */
    void replaceGrads(UUID paramId, List<Gradient> grads);

    void clearGrads(UUID sessionId);

    void setParamValues(Map<UUID, String> dataById);

    void setMomentumBuffers(Map<UUID, List<MomentumEntry>> buffers);

    /** A step's new values and momentum buffers, for the same parameters, in one batch. */
    void setParamValuesAndMomentum(Map<UUID, String> dataById, Map<UUID, List<MomentumEntry>> buffers);

    void replaceGroupOptions(UUID sessionId, List<Map<String, Object>> optionsByGroup);

    /**
     * What model calls used: added to the session's usage and, for calls whose cost is known, to what it
     * has spent (the figure its budget is checked against), in the caller's transaction.
     */
    void addUsage(UUID sessionId, Map<String, Usage> usage);

    /** Usage an imported state dict brings: added to the session's usage only, never to what it has spent. */
    void addImportedUsage(UUID sessionId, Map<String, Usage> usage);

    /** Counts a change: a new version and update time. */
    void touch(UUID sessionId, Instant now, boolean countsAsStep);

    /**
     * Counts a change to the tenant's session, if it has one by that id (false if not), and holds the
     * session row's lock until the transaction ends: changes made after it see every change made before.
     */
    boolean touchOwn(UUID sessionId, Instant now);

    /**
     * Claims the step lease if nobody holds an unexpired one, and reserves the step's history number
     * (one statement); empty if somebody holds the lease.
     */
    java.util.OptionalInt claimLease(UUID sessionId, String owner, Instant now, Instant expiresAt);

    boolean renewLease(UUID sessionId, String owner, Instant expiresAt);

    /** The step's end: counts the change (and the step, when it succeeded) and lets go of the lease. */
    void releaseLease(UUID sessionId, String owner, Instant now, boolean succeeded);

    /** Reserves the next history number. */
    int nextHistoryNumber(UUID sessionId);

    default void insertHistory(UUID sessionId, StepRecord entry) {
        insertHistory(sessionId, entry, null);
    }

    /** A new entry; a step's keeps the {@code Idempotency-Key} of the request that started it (null: none). */
    void insertHistory(UUID sessionId, StepRecord entry, String idempotencyKey);

    /** The step, running or succeeded, that a request with this {@code Idempotency-Key} started on the session. */
    Optional<StepRecord> stepStartedBy(UUID sessionId, String idempotencyKey);

    void finishHistory(UUID sessionId, StepRecord entry);

    void updateProgress(UUID sessionId, int number, int paramsDone);

    PageOf<StepRecord> history(UUID sessionId, int page, int size);

    Optional<StepRecord> historyEntry(UUID sessionId, int number);

    /** Each parameter's value right after history entry {@code number} (0: when it joined). */
    Map<UUID, String> valuesAfter(UUID sessionId, int number);

    /** Marks steps left running by instances whose lease expired as failed; returns how many. */
    int failAbandonedSteps(Instant now);

    /** A page of results, newest first. */
    record PageOf<T>(List<T> items, int page, int size, long total) {
    }
}
