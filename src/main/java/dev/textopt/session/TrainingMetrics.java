package dev.textopt.session;

import dev.textopt.optim.Usage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Forward, evaluate and backward requests that made it to their calls, by outcome, and how long they took
 * (their model calls are counted by role in {@link RoleMeteredClients}); what they cost goes with a step's
 * cost per client ({@link StepMetrics}).
 */
@Component
class TrainingMetrics {

    static final String OPERATIONS = "textopt.training.operations";

    private final MeterRegistry registry;
    private final StepMetrics steps;

    TrainingMetrics(MeterRegistry registry, StepMetrics steps) {
        this.registry = registry;
        this.steps = steps;
    }

    /** @param outcome {@code succeeded} or {@code failed} */
    void finished(String operation, String outcome, Instant started, Instant finished, Map<String, Usage> usage) {
        Timer.builder(OPERATIONS).description("Forward, evaluate and backward requests by outcome")
                .tags("operation", operation, "outcome", outcome).register(registry).record(Duration.between(started, finished));
        steps.spent(usage);
    }
}
