package dev.textopt.optim;

/**
 * Hears how a step advances, so that an asynchronous caller can show "done/total". {@code paramFinished}
 * is called from the executor's threads, possibly at the same time for different parameters.
 */
public interface StepProgress {

    StepProgress NONE = new StepProgress() {
    };

    /** Before any model call; {@code totalCalls} parameters will be updated (one call each, plus re-asks). */
    default void started(int totalCalls) {
    }

    default void paramFinished(String paramId, boolean ok) {
    }
}
