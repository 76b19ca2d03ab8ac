package dev.textopt.optim.training;

import dev.textopt.optim.Usage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a forward pass ended: every item answered, or at least one failed and nothing is to be stored. The
 * tokens spent are in {@code usage} either way, per client name.
 */
public sealed interface ForwardResult permits ForwardResult.Completed, ForwardResult.Failed {

    Map<String, Usage> usage();

    /** One output per input item, in input order. */
    record Completed(List<ForwardOutput> outputs, Map<String, Usage> usage) implements ForwardResult {
        public Completed {
            outputs = List.copyOf(outputs);
            usage = Collections.unmodifiableMap(new LinkedHashMap<>(usage));
        }
    }

    /** The items whose call failed, in input order. */
    record Failed(List<ItemFailure> failures, Map<String, Usage> usage) implements ForwardResult {
        public Failed {
            failures = List.copyOf(failures);
            usage = Collections.unmodifiableMap(new LinkedHashMap<>(usage));
        }
    }
}
