package dev.textopt.optim.run;

/**
 * What a run does next, decided from nothing but where it stands and how many validation scores it has
 * recorded, so that a run taken over after a crash goes on exactly where its progress in the database says:
 * validation before the first step, then for every batch a training step, with a validation after every
 * epoch (or every step), then the end.
 */
public record RunSchedule(int epochs, int batchesPerEpoch, ValidateEvery validateEvery, boolean validates) {

    public RunSchedule {
        if (epochs < 1 || batchesPerEpoch < 1) {
            throw new IllegalArgumentException("a run has at least one epoch of at least one batch");
        }
    }

    /** The next thing to do. */
    public sealed interface Phase permits Validate, Train, Finish {
    }

    /** Score the validation set with the parameters as they are now. */
    public record Validate() implements Phase {
    }

    /** Train the batch at this position: forward, evaluate, backward, step, clear the grads. */
    public record Train(RunPosition position) implements Phase {
    }

    /** Every batch is trained and every validation scored. */
    public record Finish() implements Phase {
    }

    /**
     * @param position         the batch to train next
     * @param validationsDone  how many validation scores the run has recorded
     */
    public Phase next(RunPosition position, int validationsDone) {
        if (validates && validationsDone < validationsDueAt(position)) {
            return new Validate();
        }
        return position.epoch() >= epochs ? new Finish() : new Train(position);
    }

    /** Validations a run has made by the time it stands at {@code position}: one before the first step, then one per epoch or step. */
    int validationsDueAt(RunPosition position) {
        int after = validateEvery == ValidateEvery.STEP ? position.stepsBefore(batchesPerEpoch) : position.epoch();
        return 1 + after;
    }

    /** The position of a run that has trained every batch. */
    public RunPosition end() {
        return new RunPosition(epochs, 0);
    }

    /** Steps of a whole run: epochs × batches. */
    public int totalSteps() {
        return epochs * batchesPerEpoch;
    }
}
