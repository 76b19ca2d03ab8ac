package dev.textopt.optim.run;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Which dataset items make up each batch of each epoch: the same for a given dataset size, batch size and
 * {@code shuffle_seed} on every instance and every version, so that a run taken over after a crash trains
 * the batches it had not trained yet, and a client can recompute them.
 *
 * <p>The algorithm, documented for clients in docs/api.md:
 * <ol>
 *   <li>Without a seed the order of epoch {@code e} is the dataset's order, 0 to n-1, in every epoch.</li>
 *   <li>With seed {@code s}, epoch {@code e} (counted from 0) starts from 0 to n-1 and shuffles it with
 *       Fisher–Yates from the end: for {@code i} from n-1 down to 1, {@code j = next() mod (i+1)} (unsigned),
 *       swap positions i and j. {@code next()} is SplitMix64 whose 64-bit state starts at {@code s + e}
 *       (two's complement, wrapping): {@code state += 0x9E3779B97F4A7C15; z = state;
 *       z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; return z ^ (z >>> 31)}.</li>
 *   <li>Batch {@code b} of an epoch is positions {@code b * batch_size} up to (not including)
 *       {@code (b + 1) * batch_size} of that order; the last batch may be smaller.</li>
 * </ol>
 * A generator of our own rather than {@link java.util.SplittableRandom}, whose algorithm the JDK does not
 * promise to keep.
 */
public record BatchOrder(int size, int batchSize, Long seed) {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    public BatchOrder {
        if (size < 1 || batchSize < 1) {
            throw new IllegalArgumentException("a batch order needs at least one item and a batch size of at least 1");
        }
    }

    /** Batches in every epoch: the dataset's size divided by the batch size, rounded up. */
    public int batchesPerEpoch() {
        return (size + batchSize - 1) / batchSize;
    }

    /** The dataset's indices in the order epoch {@code epoch} (from 0) visits them. */
    public List<Integer> order(int epoch) {
        int[] order = IntStream.range(0, size).toArray();
        if (seed != null) {
            long state = seed + epoch;
            for (int i = size - 1; i > 0; i--) {
                state += GOLDEN_GAMMA;
                int j = (int) Long.remainderUnsigned(mix(state), i + 1);
                int swapped = order[i];
                order[i] = order[j];
                order[j] = swapped;
            }
        }
        return IntStream.of(order).boxed().toList();
    }

    /** The dataset indices of batch {@code batch} (from 0) of epoch {@code epoch} (from 0), in batch order. */
    public List<Integer> batch(int epoch, int batch) {
        if (batch < 0 || batch >= batchesPerEpoch()) {
            throw new IndexOutOfBoundsException("batch " + batch + " of " + batchesPerEpoch());
        }
        List<Integer> order = order(epoch);
        return List.copyOf(order.subList(batch * batchSize, Math.min(size, (batch + 1) * batchSize)));
    }

    /** SplitMix64's output function (Steele, Lea and Flood 2014), applied to the advanced state. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
