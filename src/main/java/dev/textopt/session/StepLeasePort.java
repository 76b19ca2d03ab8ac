package dev.textopt.session;

import dev.textopt.optim.Usage;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The step lease: a claim on a session, in its row, that lets one step at a time run on it across any
 * number of instances, and lapses unless its owner renews it, so that a dead instance frees the session.
 */
public interface StepLeasePort {

    /**
     * Serialises step starts of the current tenant until the transaction ends, and then counts its sessions with a
     * step running (an unexpired lease), so that the count is exact: it sees every start that committed meanwhile.
     */
    long lockAndCountRunningSteps(Instant now);

    /**
     * Claims the lease if nobody holds an unexpired one, reserves the step's history number and gives the
     * session a new version, since it now shows a step running (one statement); empty if somebody holds
     * the lease.
     */
    OptionalInt claimLease(UUID sessionId, String owner, Instant now, Instant expiresAt);

    /** False if {@code owner} no longer holds the lease (another step took it over). Takes the session row's lock. */
    boolean renewLease(UUID sessionId, String owner, Instant expiresAt);

    /**
     * The step's end, while {@code owner} still holds the lease: counts the change (and the step, when it
     * succeeded), adds what it spent as {@link ApplyStepPort#addUsage} does, and lets go of the lease. The
     * session row's lock is held from there to the transaction's end, so no take-over slips in before its
     * commit. False, and nothing written, if another step took the lease over. A step of a training run ({@code run},
     * null: none) counts what it spent on the run too.
     */
    boolean releaseLease(UUID sessionId, String owner, Instant now, boolean succeeded, Map<String, Usage> usage, UUID run);
}
