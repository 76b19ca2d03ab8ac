package dev.textopt.session;

import dev.textopt.optim.Usage;
import dev.textopt.optim.run.RunPosition;
import dev.textopt.optim.run.RunStatus;
import dev.textopt.optim.run.ValidationScore;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a run's progress. Every write but {@link #addUsage} and {@link #requestCancel} is fenced: it changes
 * the run only while {@code owner} holds its lease and the run is active, and returns false otherwise (the
 * run was taken over, or ended), so that an instance that lost its run writes nothing more of it.
 */
public interface RecordRunPort {

    /** Queued (or taken over while running) becomes running. */
    boolean start(UUID runId, String owner);

    /** A trained batch and the position after it, together; false, and nothing written, unless the run stood at the batch. */
    boolean recordStep(UUID runId, String owner, StoredRun.RunStep step, RunPosition next);

    /** The validation score number {@code position} (0: before the first step). */
    boolean recordValidation(UUID runId, String owner, int position, ValidationScore score);

    /**
     * Adds what one of the run's calls cost, in the transaction that stores the call's result, and answers
     * whether a cancel was asked for (as {@link #cancelRequested}, read with the usage on the way).
     */
    boolean addUsage(UUID runId, Map<String, Usage> usage);

    /** The run's end, which releases its lease. */
    boolean finish(UUID runId, String owner, RunStatus status, StoredRun.RunFailure failure, Instant finishedAt);

    /**
     * Asks an active run to stop: a queued one is cancelled at once, a running one when its loop next looks.
     * False if the run has ended already.
     */
    boolean requestCancel(UUID runId, Instant now);

    /** Whether a cancel was asked for. */
    boolean cancelRequested(UUID runId);
}
