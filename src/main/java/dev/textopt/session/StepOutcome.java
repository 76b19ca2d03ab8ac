package dev.textopt.session;

import dev.textopt.optim.Loss;
import dev.textopt.optim.ParamOutcome;
import dev.textopt.optim.Usage;
import java.util.List;
import java.util.Map;

/** What a successful step did: its number, the closure's loss, each parameter's outcome, usage and time. */
public record StepOutcome(int step, Loss loss, List<ParamOutcome> params, Map<String, Usage> usage, long durationMs) {
}
