package dev.textopt.adapter.llm;

import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.textopt.optim.ModelClient;
import dev.textopt.optim.ModelClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * The model clients configured under {@code textopt.model-clients}, by name. A client whose provider
 * requires a key it does not have is still listed; it reports what is missing and refuses calls.
 */
public final class ConfiguredModelClients implements ModelClients {

    private final Map<String, ModelClient> clients;

    private ConfiguredModelClients(Map<String, ModelClient> clients) {
        this.clients = Collections.unmodifiableMap(clients);
    }

    /**
     * Calls, their failures and their time with retries are counted in {@code registry}; each attempt is also a
     * Spring AI observation in {@code observations} (a span, and the {@code gen_ai.client.*} meters with its tokens).
     */
    public static ConfiguredModelClients create(Collection<ClientSettings> settings, MeterRegistry registry,
            ObservationRegistry observations) {
        return create(settings, registry, observations, Sleeper.REAL, Clock.systemUTC());
    }

    static ConfiguredModelClients create(Collection<ClientSettings> settings, MeterRegistry registry,
            ObservationRegistry observations, Sleeper sleeper, Clock clock) {
        Map<String, ModelClient> clients = new LinkedHashMap<>();
        for (ClientSettings client : settings) {
            clients.put(client.name(), build(client, registry, observations, sleeper, clock));
        }
        return new ConfiguredModelClients(clients);
    }

    private static ModelClient build(ClientSettings settings, MeterRegistry registry, ObservationRegistry observations,
            Sleeper sleeper, Clock clock) {
        OptionsMapper options = switch (settings.provider()) {
            case OPENAI -> new OpenAiOptionsMapper();
            case ANTHROPIC -> new AnthropicOptionsMapper();
        };
        try {
            options.check(settings.completionArgs());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("textopt.model-clients." + settings.name() + ".completion-args: "
                    + e.getMessage(), e);
        }
        ModelMetrics metrics = new ModelMetrics(registry, settings.name());
        FailureClassifier classifier = new FailureClassifier(clock, new SecretScrubber(settings.apiKey()));
        RetryingCaller caller = new RetryingCaller(settings, classifier, sleeper,
                () -> ThreadLocalRandom.current().nextDouble(), metrics);
        boolean usable = settings.hasApiKey() || !settings.provider().requiresApiKey(settings.baseUrl());
        return new SpringAiModelClient(settings, usable ? ChatModelFactory.create(settings, observations) : null, options, caller,
                metrics);
    }

    @Override
    public Optional<ModelClient> find(String name) {
        return Optional.ofNullable(name).map(clients::get);
    }

    @Override
    public Set<String> names() {
        return clients.keySet();
    }
}
