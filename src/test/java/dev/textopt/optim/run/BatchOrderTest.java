package dev.textopt.optim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

    @Test
    void withoutASeedEveryEpochVisitsTheDatasetInItsOrderAndTheLastBatchTakesWhatIsLeft() {
        var order = new BatchOrder(10, 4, null);

        assertThat(order.batchesPerEpoch()).isEqualTo(3);
        assertThat(order.batch(0, 0)).containsExactly(0, 1, 2, 3);
        assertThat(order.batch(1, 1)).containsExactly(4, 5, 6, 7);
        assertThat(order.batch(2, 2)).containsExactly(8, 9);
    }

    /** The figures come from the algorithm as docs/api.md states it, run in Python: clients can recompute a run's batches. */
    @Test
    void aSeedShufflesEachEpochAsTheDocumentedAlgorithmDoes() {
        assertThat(new BatchOrder(8, 4, 7L).order(0)).containsExactly(1, 4, 5, 2, 6, 0, 3, 7);
        assertThat(new BatchOrder(8, 4, 7L).order(1)).containsExactly(3, 5, 0, 2, 4, 1, 7, 6);
        assertThat(new BatchOrder(10, 3, -3L).order(0)).containsExactly(2, 0, 4, 9, 7, 1, 6, 5, 8, 3);
    }

    @Test
    void theBatchesOfAnEpochCoverEveryItemOnce() {
        var order = new BatchOrder(37, 5, 123L);

        for (int epoch = 0; epoch < 3; epoch++) {
            int e = epoch;
            var seen = IntStream.range(0, order.batchesPerEpoch()).boxed().flatMap(b -> order.batch(e, b).stream()).sorted().toList();
            assertThat(seen).isEqualTo(IntStream.range(0, 37).boxed().toList());
        }
    }

    @Test
    void theSameSeedGivesTheSameBatchesEveryTime() {
        List<Integer> first = new BatchOrder(50, 8, 99L).batch(3, 2);

        assertThat(new BatchOrder(50, 8, 99L).batch(3, 2)).isEqualTo(first);
        assertThat(new BatchOrder(50, 8, 98L).batch(3, 2)).isNotEqualTo(first);
    }

    @Test
    void refusesABatchOutsideTheEpoch() {
        assertThatThrownBy(() -> new BatchOrder(8, 4, null).batch(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
