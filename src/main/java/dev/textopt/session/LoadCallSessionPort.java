package dev.textopt.session;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what forward, evaluate and backward need of a session before their calls ({@link CallSession}), in one
 * statement: they used to read the whole session, grads and momentum included, in five (BENCHMARKS.md, 11).
 * Only the current tenant's sessions are found.
 */
public interface LoadCallSessionPort {

    /** With each parameter's value version: forward records them on its traces, backward checks traces by them. */
    Optional<CallSession> findWithVersions(UUID id);

    /** Without the versions, which cost a look through the history per parameter: evaluate's, and a run's checks. */
    Optional<CallSession> find(UUID id);

    /**
     * {@link #findWithVersions} (or {@link #find}, without {@code versions}) and the session's unexpired traces among
     * {@code traceIds}, as {@link LoadTracePort#find} finds them, in one round trip: evaluate and backward read
     * both before their calls (BENCHMARKS.md, 14). Empty if the tenant has no session by that id.
     */
    Optional<WithTraces> findWithTraces(UUID id, boolean versions, Collection<UUID> traceIds, Instant now);

    /** A session as {@link #find} reads it, and traces of it by id. */
    record WithTraces(CallSession session, Map<UUID, StoredTrace> traces) {
    }
}
