package dev.textopt.session;

import dev.textopt.optim.Usage;
import dev.textopt.optim.training.TraceGradient;
import java.util.List;
import java.util.Map;

/** The gradients a backward request appended, in the order appended, and what its calls cost per client. */
public record BackwardOutcome(List<TraceGradient> gradients, Map<String, Usage> usage) {

    public BackwardOutcome {
        gradients = List.copyOf(gradients);
    }
}
