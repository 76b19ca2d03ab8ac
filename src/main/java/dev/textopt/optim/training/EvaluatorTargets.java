package dev.textopt.optim.training;

import dev.textopt.optim.Problem;
import java.util.ArrayList;
import java.util.List;

/** The {@code evaluator.targets} of an evaluate request: one expected output per trace, in trace order. */
public final class EvaluatorTargets {

    static final String FIELD = "evaluator.targets";

    private EvaluatorTargets() {
    }

    /**
     * Refuses targets that cannot be paired with the traces: missing when {@code required}, a count that
     * differs from the traces', or an item that is not a text.
     *
     * @param targets null when the request gave none
     * @throws InvalidTrainingRequestException naming {@code evaluator.targets}
     */
    public static void check(List<String> targets, int traceCount, boolean required) {
        List<Problem> problems = new ArrayList<>();
        if (targets == null) {
            if (required) {
                problems.add(new Problem(FIELD, "required: one expected output per trace, in the order of traces"));
            }
        } else if (targets.size() != traceCount) {
            problems.add(new Problem(FIELD, targets.size() + " targets for " + traceCount
                    + " traces; give one target per trace, in the same order"));
        } else {
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i) == null) {
                    problems.add(new Problem(FIELD + "[" + i + "]", "must be a text"));
                }
            }
        }
        InvalidTrainingRequestException.throwIfAny(problems);
    }
}
