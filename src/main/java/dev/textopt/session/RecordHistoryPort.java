package dev.textopt.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes the history: a new entry, a running step's progress and its end, steps their instance abandoned. */
public interface RecordHistoryPort {

    default void insert(UUID sessionId, StepRecord entry) {
        insert(sessionId, entry, null);
    }

    /** A new entry; a step's keeps the {@code Idempotency-Key} of the request that started it (null: none). */
    void insert(UUID sessionId, StepRecord entry, String idempotencyKey);

    /**
     * A running step's new entry, as {@link #insert}, unless a training run other than {@code asRun} (null: a step
     * by hand) is active on the session: then nothing is inserted and false returned. The run check and the
     * insert in one statement, one round trip fewer at every step's start (BENCHMARKS.md, 14).
     */
    boolean insertStepUnlessRunActive(UUID sessionId, StepRecord entry, String idempotencyKey, UUID asRun);

    /**
     * A running step's progress: of the {@code total} parameters it calls the model for, how many calls have ended.
     * Only while the entry is still running (a late write must not undo its end); false if it no longer is.
     */
    boolean updateProgress(UUID sessionId, int number, int done, int total);

    /** The end of a running step: its outcome and what it did to each parameter, written as the transaction commits. */
    void finish(UUID sessionId, StepRecord entry);

    /** A step its instance left running, now marked failed with {@code failures} (reason {@code abandoned}). */
    record AbandonedStep(UUID sessionId, int number, List<StepRecord.StepFailure> failures) {
    }

    /** What a step's start learned from its sweep: the steps it marked failed, and whether its key started a step. */
    record Swept(List<AbandonedStep> abandoned, boolean keyUsed) {
    }

    /** Marks steps left running by instances whose lease expired as failed; returns them. */
    List<AbandonedStep> failAbandonedSteps(Instant now);

    /**
     * {@link #failAbandonedSteps}, then whether {@code idempotencyKey} (null: none) started a step on the session that
     * did not fail, as the sweep left it: one statement where two were, at every step's start (BENCHMARKS.md, 14).
     */
    Swept failAbandonedStepsAndFindKey(Instant now, UUID sessionId, String idempotencyKey);
}
