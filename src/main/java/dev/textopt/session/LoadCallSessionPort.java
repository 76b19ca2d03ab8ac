package dev.textopt.session;

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
}
