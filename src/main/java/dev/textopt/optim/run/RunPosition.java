package dev.textopt.optim.run;

/**
 * Where a run stands: the batch it trains next, as epoch and batch within the epoch, both counted from 0.
 * A finished run stands at (epochs, 0), after its last batch.
 */
public record RunPosition(int epoch, int batch) {

    public static final RunPosition START = new RunPosition(0, 0);

    public RunPosition {
        if (epoch < 0 || batch < 0) {
            throw new IllegalArgumentException("epoch and batch count from 0");
        }
    }

    /** The position after this one's batch: the next batch, or the first of the next epoch. */
    public RunPosition next(int batchesPerEpoch) {
        return batch + 1 < batchesPerEpoch ? new RunPosition(epoch, batch + 1) : new RunPosition(epoch + 1, 0);
    }

    /** Batches trained before this position. */
    public int stepsBefore(int batchesPerEpoch) {
        return epoch * batchesPerEpoch + batch;
    }
}
