package dev.textopt.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The run lease, as a step's: a claim on a run that lets one instance work on it, and lapses unless renewed,
 * so that any instance takes over a run whose instance died. Claims are decided by the database, across
 * instances and tenants.
 */
public interface RunLeasePort {

    /** An active run whose lease is free or ran out, claimed for {@code owner}, and the tenant its session belongs to. */
    record Claimed(UUID runId, UUID sessionId, String tenant) {
    }

    /** Claims up to {@code max} active runs nobody holds (oldest first), skipping those another instance is claiming. */
    List<Claimed> claimFree(String owner, Instant now, Instant expiresAt, int max);

    /** False if {@code owner} no longer holds the run's lease, or the run has ended. */
    boolean renew(UUID runId, String owner, Instant expiresAt);

    /** Lets go of the lease, leaving the run active for the next instance to take. */
    void release(UUID runId, String owner);
}
