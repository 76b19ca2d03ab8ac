package dev.textopt.session;

import dev.textopt.optim.Usage;
import dev.textopt.optim.training.BatchLoss;
import dev.textopt.optim.training.Evaluation;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an evaluate request stored on each trace, in the order given, their loss and what the judge cost. */
public record EvaluateOutcome(List<Result> results, BatchLoss loss, Map<String, Usage> usage) {

    public EvaluateOutcome {
        results = List.copyOf(results);
    }

    public record Result(UUID traceId, Evaluation evaluation) {
    }
}
