package dev.textopt.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A closure's answer: the loss, and fresh gradients by parameter id (possibly none). Where gradients
 * are given they replace that parameter's grad before the update.
 */
public record ClosureResult(Loss loss, Map<String, List<Gradient>> grads) {

    public ClosureResult {
        Map<String, List<Gradient>> copy = new LinkedHashMap<>();
        if (grads != null) {
            grads.forEach((id, g) -> copy.put(id, List.copyOf(g)));
        }
        grads = Collections.unmodifiableMap(copy);
    }

    public ClosureResult(Loss loss) {
        this(loss, Map.of());
    }
}
