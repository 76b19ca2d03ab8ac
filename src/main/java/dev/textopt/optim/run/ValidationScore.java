package dev.textopt.optim.run;

import java.util.List;
import java.util.Optional;

/** A run's validation score with the parameters as they were right after history entry {@code afterStep}. */
public record ValidationScore(int afterStep, double score) {

    public ValidationScore {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a validation score is from 0 to 1, not " + score);
        }
    }

    /** The highest score; of equal ones the earliest, which got there with fewer steps. Empty without scores. */
    public static Optional<ValidationScore> best(List<ValidationScore> scores) {
        ValidationScore best = null;
        for (ValidationScore s : scores) {
            if (best == null || s.score() > best.score()) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The entry {@code keep_best} restores at the end: the best one, unless the session is there already
     * (the best is the run's last entry); empty then, and without scores.
     */
    public static Optional<Integer> restoreTarget(List<ValidationScore> scores, int lastEntry) {
        return best(scores).map(ValidationScore::afterStep).filter(entry -> entry != lastEntry);
    }
}
