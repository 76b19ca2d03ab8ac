package dev.textopt.session;

import dev.textopt.optim.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Step-level metrics on /actuator/prometheus: steps by outcome and their duration, and what they cost
 * per client, theirs and those of forward, evaluate and backward requests. (Calls, latency and failures
 * per client and model come from the model adapter, tokens from Spring AI's observations.)
 */
@Component
class StepMetrics {

    private final MeterRegistry registry;

    StepMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void stepFinished(String outcome, Duration duration, Map<String, Usage> usage) {
        Timer.builder("textopt.steps").description("Optimization steps by outcome").tag("outcome", outcome)
                .register(registry).record(duration);
        spent(usage);
    }

    /** What model calls cost per client: a step's, or a forward, evaluate or backward request's. */
    void spent(Map<String, Usage> usage) {
        usage.forEach((client, u) -> {
            if (u.cost().amount() != null) {
                Counter.builder("textopt.model.cost").description("Cost of model calls").baseUnit(u.cost().currency())
                        .tag("client", client).register(registry).increment(u.cost().amount().doubleValue());
            } else if (u.tokens().totalTokens() > 0) {
                Counter.builder("textopt.model.unpriced.tokens").description("Tokens of calls whose model has no price")
                        .tag("client", client).register(registry).increment(u.tokens().totalTokens());
            }
        });
    }
}
