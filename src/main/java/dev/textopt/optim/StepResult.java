package dev.textopt.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a step ended. Either every model call succeeded and the new values were applied, or at least one
 * failed and no value or momentum buffer changed; the tokens spent are counted in both cases.
 */
public sealed interface StepResult permits StepResult.Applied, StepResult.Failed {

    /** The closure's loss, or null when the step had no closure. */
    Loss loss();

    /** This step's usage per model client name. */
    Map<String, Usage> usage();

    /** Gradients the closure supplied by parameter id (they replaced those grads), so they can be persisted. */
    Map<String, List<Gradient>> closureGrads();

    record Applied(Loss loss, List<ParamOutcome> params, Map<String, Usage> usage,
                   Map<String, List<Gradient>> closureGrads) implements StepResult {
        public Applied {
            params = List.copyOf(params);
            usage = Collections.unmodifiableMap(new LinkedHashMap<>(usage));
            closureGrads = Collections.unmodifiableMap(new LinkedHashMap<>(closureGrads));
        }
    }

    /** {@code params} are the outcomes of the parameters that did not fail (proposals not applied, skips). */
    record Failed(Loss loss, List<ParamFailure> failures, List<ParamOutcome> params, Map<String, Usage> usage,
                  Map<String, List<Gradient>> closureGrads) implements StepResult {
        public Failed {
            failures = List.copyOf(failures);
            params = List.copyOf(params);
            usage = Collections.unmodifiableMap(new LinkedHashMap<>(usage));
            closureGrads = Collections.unmodifiableMap(new LinkedHashMap<>(closureGrads));
        }
    }
}
