package dev.textopt.session;

import dev.textopt.optim.Loss;
import dev.textopt.optim.ParamOutcome;
import dev.textopt.optim.Usage;
import java.util.List;
import java.util.Map;

/**
 * What a successful step did: its number, the closure's loss, each parameter's outcome, usage and time.
 * {@code replayed}: the step ran earlier, for an earlier request with the same {@code Idempotency-Key}.
 */
public record StepOutcome(int step, Loss loss, List<ParamOutcome> params, Map<String, Usage> usage, long durationMs, boolean replayed) {

    /** The outcome of a succeeded step, as its history entry keeps it. */
    static StepOutcome replayOf(StepRecord entry) {
        List<ParamOutcome> params = entry.params().stream().map(p -> "updated".equals(p.status())
                ? (ParamOutcome) new ParamOutcome.Updated(p.paramId().toString(), p.previousData(), p.data(), p.grads())
                : new ParamOutcome.Skipped(p.paramId().toString(), p.reason())).toList();
        return new StepOutcome(entry.number(), entry.loss(), params, entry.usage(),
                entry.durationMs() == null ? 0 : entry.durationMs(), true);
    }
}
