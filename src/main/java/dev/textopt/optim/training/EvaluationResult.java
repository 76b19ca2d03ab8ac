package dev.textopt.optim.training;

import dev.textopt.optim.Usage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an evaluation ended: every trace scored, or (a judge's calls) at least one failed and no result is
 * to be stored. The judge's tokens are in {@code usage} either way; exact match and an external evaluator
 * call no model and report none.
 */
public sealed interface EvaluationResult permits EvaluationResult.Scored, EvaluationResult.Failed {

    Map<String, Usage> usage();

    /** One evaluation per trace, in the order the traces were given, and their loss. */
    record Scored(List<Evaluation> evaluations, BatchLoss loss, Map<String, Usage> usage) implements EvaluationResult {
        public Scored {
            evaluations = List.copyOf(evaluations);
            usage = Collections.unmodifiableMap(new LinkedHashMap<>(usage));
        }

        public static Scored of(List<Evaluation> evaluations, Map<String, Usage> usage) {
            return new Scored(evaluations, BatchLoss.of(evaluations), usage);
        }
    }

    /** The traces (by index in the order given) whose judge call failed. */
    record Failed(List<ItemFailure> failures, Map<String, Usage> usage) implements EvaluationResult {
        public Failed {
            failures = List.copyOf(failures);
            usage = Collections.unmodifiableMap(new LinkedHashMap<>(usage));
        }
    }
}
