package dev.textopt.session;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads sessions to answer with them and to start a step, locking nothing: a session with its groups,
 * parameters, grads and usage, a page of them, or one parameter alone. Only the current tenant's
 * sessions are found; another tenant's is simply not there.
 */
public interface LoadSessionPort {

    Optional<StoredSession> find(UUID id);

    /**
     * One parameter with its grad and momentum buffer, reading nothing else of the session: the
     * gradient-append path, which must not load every parameter's grads.
     */
    Optional<StoredParam> findParam(UUID sessionId, UUID paramId);

    /** The tenant's sessions, newest first. */
    PageOf<StoredSession> list(int page, int size);
}
