package dev.textopt.session;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads sessions to answer with them and to start a step, locking nothing: a session with its groups,
 * parameters, grads and usage, a page of them, or one parameter alone. Only the current tenant's
 * sessions are found; another tenant's is simply not there.
 */
public interface LoadSessionPort {

    Optional<StoredSession> find(UUID id);

    /**
     * The session a step runs on: its grads and momentum buffers, but its usage left empty, which a step adds to
     * in SQL and never reads (one query fewer at every step's start).
     */
    Optional<StoredSession> findToStep(UUID id);

    /** The session as its answers show it: every momentum buffer left empty (only the state dict shows them). */
    Optional<StoredSession> findToShow(UUID id);

    /**
     * The session's version alone: a conditional read decides on it whether it needs to read anything else
     * (every change to what a read shows gives the session a new version).
     */
    OptionalLong version(UUID id);

    /** The session's version, if the session has that parameter. */
    OptionalLong version(UUID sessionId, UUID paramId);

    /**
     * One parameter with its grad, and the session's version, reading nothing else of the session: the
     * gradient-append path, which must not load every parameter's grads. Its momentum buffer is left empty.
     */
    Optional<Versioned<StoredParam>> findParam(UUID sessionId, UUID paramId);

    /** The tenant's sessions, newest first. */
    PageOf<StoredSession> list(int page, int size);
}
