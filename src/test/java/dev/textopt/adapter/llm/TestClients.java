package dev.textopt.adapter.llm;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.textopt.optim.ModelClient;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;

/** Builds clients the way the configuration does, with fast backoff and a sleeper that only records. */
final class TestClients {

    static final String OPENAI_KEY = "sk-test-0123456789abcdefSECRET";
    static final String ANTHROPIC_KEY = "sk-ant-test-0123456789SECRET";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** As Spring Boot sets it up: each observation timed, and the tokens of model calls counted, in {@link #registry}. */
    final ObservationRegistry observations = ObservationRegistry.create();
    final RecordingSleeper sleeper = new RecordingSleeper();

    TestClients() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry))
            .observationHandler(new ChatModelMeterObservationHandler(registry));
    }

    static ClientSettings settings(String name, Provider provider, String baseUrl, String apiKey,
            Map<String, Object> completionArgs, Duration timeout, int maxRetries, int maxConcurrency) {
        return new ClientSettings(name, provider, baseUrl, apiKey, "set KEY_OF_" + name, completionArgs, timeout,
                maxRetries, maxConcurrency, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2));
    }

    static ClientSettings openAi(String baseUrl) {
        return settings("openai", Provider.OPENAI, baseUrl, OPENAI_KEY, Map.of(), Duration.ofSeconds(5), 3, 16);
    }

    static ClientSettings anthropic(String baseUrl) {
        return settings("anthropic", Provider.ANTHROPIC, baseUrl, ANTHROPIC_KEY, Map.of(), Duration.ofSeconds(5), 3,
                16);
    }

    ModelClient client(ClientSettings settings) {
        return ConfiguredModelClients.create(List.of(settings), registry, observations, sleeper, Clock.systemUTC())
            .find(settings.name()).orElseThrow();
    }

    /** Records the waits it is asked for and returns at once, so retry tests are fast and not flaky. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }
}
