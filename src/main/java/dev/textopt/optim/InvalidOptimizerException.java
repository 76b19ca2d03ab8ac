package dev.textopt.optim;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An optimizer, param group or state dict was refused. Carries every problem found, not just the first,
 * so that a user can fix a request in one go. Thrown before anything is changed.
 */
public class InvalidOptimizerException extends IllegalArgumentException {

    private final List<Problem> problems;

    public InvalidOptimizerException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidOptimizerException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidOptimizerException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Throws if {@code problems} is not empty; the usual end of a validation pass. */
    static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidOptimizerException(problems);
        }
    }
}
