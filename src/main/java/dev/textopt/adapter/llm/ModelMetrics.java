package dev.textopt.adapter.llm;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one model client that Spring AI's observations cannot give: they see one attempt at a time,
 * these see a call with its retries and waits, and why an attempt failed. (Tokens are Spring AI's
 * {@code gen_ai.client.token.usage}.) {@code model} is the model asked for (bounded by configuration), not
 * the dated snapshot that answered, to keep the number of time series small.
 */
final class ModelMetrics {

    static final String CALLS = "textopt.model.calls";
    static final String LATENCY = "textopt.model.latency";
    static final String FAILURES = "textopt.model.failures";

    private final MeterRegistry registry;
    private final String client;

    ModelMetrics(MeterRegistry registry, String client) {
        this.registry = registry;
        this.client = client;
    }

    /** One call of {@code complete}, retries included; outcome success, rate_limited, timeout, provider_error or not_configured. */
    void call(String model, String outcome, long nanos) {
        Counter.builder(CALLS).description("Model calls, retries included, by final outcome")
            .tags("client", client, "model", model, "outcome", outcome).register(registry).increment();
        Timer.builder(LATENCY).description("Time of a model call, retries and waits included")
            .tags("client", client, "model", model, "outcome", outcome).register(registry)
            .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Every failed attempt, including the ones a retry then fixed. */
    void failure(String model, String reason) {
        Counter.builder(FAILURES).description("Failed attempts of model calls, by reason")
            .tags("client", client, "model", model, "reason", reason).register(registry).increment();
    }
}
