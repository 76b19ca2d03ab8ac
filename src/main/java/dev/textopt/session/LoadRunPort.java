package dev.textopt.session;

import java.util.Optional;
import java.util.UUID;

/** Reads training runs of a session the caller's tenant owns (the use case finds the session first). */
public interface LoadRunPort {

    Optional<StoredRun> find(UUID sessionId, UUID runId);

    /**
     * {@link #find}, only if the session is the current tenant's: the session's check and the run's read in one
     * round trip, for the run's page, which is polled while the run trains (BENCHMARKS.md, 14).
     */
    Optional<StoredRun> findOwn(UUID sessionId, UUID runId);

    /** The session's runs, newest first. */
    PageOf<StoredRun> page(UUID sessionId, int page, int size);

    /** The session's queued or running run, if any: there is at most one. */
    Optional<UUID> activeRun(UUID sessionId);

    /** The checked request a run was created with, for its loop. */
    Optional<RunCommand> command(UUID runId);
}
