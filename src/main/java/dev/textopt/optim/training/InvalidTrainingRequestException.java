package dev.textopt.optim.training;

import dev.textopt.optim.InvalidOptimizerException;
import dev.textopt.optim.Problem;
import java.util.List;

/**
 * A forward, evaluate or backward request was refused before any model call. Lists every problem with the
 * field it is about, as the request was written ({@code messages[1].content[0]}, {@code inputs[2].text},
 * {@code evaluator.targets}). A kind of {@link InvalidOptimizerException}, so it reaches the user as the
 * same 400 problem with {@code errors[]}.
 */
public class InvalidTrainingRequestException extends InvalidOptimizerException {

    public InvalidTrainingRequestException(List<Problem> problems) {
        super(problems);
    }

    public InvalidTrainingRequestException(String field, String message) {
        super(field, message);
    }

    /** Throws if {@code problems} is not empty: the end of a check that collected them all. */
    static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidTrainingRequestException(problems);
        }
    }
}
