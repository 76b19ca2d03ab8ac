package dev.textopt.session;

import dev.textopt.optim.run.RunPosition;
import dev.textopt.optim.run.RunStatus;
import dev.textopt.optim.run.ValidationScore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a run's progress (its usage is counted with its session's: ApplyStepPort). Every write but
 * {@link #requestCancel} is fenced: it changes the run only while {@code owner} holds its lease and the run is
 * active, and returns false otherwise (the run was taken over, or ended), so that an instance that lost its run
 * writes nothing more of it.
 */
public interface RecordRunPort {

    /** Queued (or taken over while running) becomes running. */
    boolean start(UUID runId, String owner);

    /**
     * A trained batch and the position after it, together: the run's cancel flag, which the statement reads on the
     * way; empty, and nothing written, unless the run stood at the batch.
     */
    Optional<Boolean> recordStep(UUID runId, String owner, StoredRun.RunStep step, RunPosition next);

    /** The validation score number {@code position} (0: before the first step). */
    boolean recordValidation(UUID runId, String owner, int position, ValidationScore score);

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
