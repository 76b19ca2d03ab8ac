package dev.textopt.session;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The parts of a step and a training run as observations: with tracing on, each is a span in the trace of
 * the request that started it (so a trace shows where a step's time went: its first transaction, the
 * closure and model calls, the transaction that applies it), and each is timed as a meter of its name.
 */
@Component
class Spans {

    /** Taking the lease and recording the running step, in one transaction. */
    static final String STEP_START = "textopt.step.start";
    /** The closure and the model calls, with no transaction open. */
    static final String STEP_CALLS = "textopt.step.calls";
    /** Applying the result (or recording the failure), in one transaction. */
    static final String STEP_APPLY = "textopt.step.apply";
    /** A training run's work on this instance, from its start or take-over until it ends or lets go. */
    static final String RUN = "textopt.run";

    private final ObservationRegistry registry;

    Spans(ObjectProvider<ObservationRegistry> registry) {
        this.registry = registry.getIfAvailable(() -> ObservationRegistry.NOOP);
    }

    /** Runs {@code work} as the observation {@code name} of the session {@code sessionId}; a failure marks it. */
    <T> T around(String name, UUID sessionId, Supplier<T> work) {
        return observation(name, sessionId).observe(work);
    }

    void around(String name, UUID sessionId, Runnable work) {
        observation(name, sessionId).observe(work);
    }

    private Observation observation(String name, UUID sessionId) {
        return Observation.createNotStarted(name, registry).highCardinalityKeyValue("textopt.session.id", sessionId.toString());
    }
}
