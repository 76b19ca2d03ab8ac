package dev.textopt.optim.training;

import dev.textopt.optim.Usage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a backward pass ended: every call gave feedback, or at least one failed and no gradient is to be
 * appended. The tokens spent are in {@code usage} either way, per client name.
 */
public sealed interface BackwardResult permits BackwardResult.Completed, BackwardResult.Failed {

    Map<String, Usage> usage();

    /** The gradients to append, in trace order, then in the order of each trace's parameters. */
    record Completed(List<TraceGradient> gradients, Map<String, Usage> usage) implements BackwardResult {
        public Completed {
            gradients = List.copyOf(gradients);
            usage = Collections.unmodifiableMap(new LinkedHashMap<>(usage));
        }
    }

    /** The calls that failed, in the same order. */
    record Failed(List<BackwardFailure> failures, Map<String, Usage> usage) implements BackwardResult {
        public Failed {
            failures = List.copyOf(failures);
            usage = Collections.unmodifiableMap(new LinkedHashMap<>(usage));
        }
    }
}
