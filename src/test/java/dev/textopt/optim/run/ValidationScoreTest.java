package dev.textopt.optim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationScoreTest {

    @Test
    void theBestIsTheHighestScoreAndOfEqualOnesTheEarliest() {
        var scores = List.of(new ValidationScore(0, 0.25), new ValidationScore(3, 0.75), new ValidationScore(6, 0.75),
                new ValidationScore(9, 0.5));

        assertThat(ValidationScore.best(scores)).contains(new ValidationScore(3, 0.75));
    }

    @Test
    void keepBestRestoresTheBestEntryUnlessTheRunEndsThere() {
        var improving = List.of(new ValidationScore(0, 0.0), new ValidationScore(2, 1.0));
        var worsening = List.of(new ValidationScore(0, 0.5), new ValidationScore(2, 1.0), new ValidationScore(4, 0.5));
        var neverBetter = List.of(new ValidationScore(5, 0.5), new ValidationScore(7, 0.5));

        assertThat(ValidationScore.restoreTarget(improving, 2)).isEmpty();
        assertThat(ValidationScore.restoreTarget(worsening, 4)).contains(2);
        assertThat(ValidationScore.restoreTarget(neverBetter, 7)).contains(5);
        assertThat(ValidationScore.restoreTarget(List.of(), 7)).isEmpty();
    }

    @Test
    void aScoreIsFromZeroToOne() {
        assertThatThrownBy(() -> new ValidationScore(1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValidationScore(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
