package dev.textopt.adapter.llm;

import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.textopt.optim.ModelClient;
import dev.textopt.optim.ModelClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * The model clients configured under {@code textopt.model-clients}, by name. A client whose provider
 * requires a key it does not have is still listed; it reports what is missing and refuses calls.
 */
public final class ConfiguredModelClients implements ModelClients {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredModelClients.class);

    private final Map<String, ModelClient> clients;
    private final Map<String, BooleanSupplier> warmUps;

    private ConfiguredModelClients(Map<String, ModelClient> clients, Map<String, BooleanSupplier> warmUps) {
        this.clients = Collections.unmodifiableMap(clients);
        this.warmUps = Collections.unmodifiableMap(warmUps);
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
        Map<String, BooleanSupplier> warmUps = new LinkedHashMap<>();
        for (ClientSettings client : settings) {
            clients.put(client.name(), build(client, registry, observations, sleeper, clock, warmUps));
        }
        return new ConfiguredModelClients(clients, warmUps);
    }

    private static ModelClient build(ClientSettings settings, MeterRegistry registry, ObservationRegistry observations,
            Sleeper sleeper, Clock clock, Map<String, BooleanSupplier> warmUps) {
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
        if (!usable) {
            return new SpringAiModelClient(settings, null, options, caller, metrics);
        }
        ChatModelFactory.Built built = ChatModelFactory.create(settings, observations);
        if (built.warmUp() != null) {
            warmUps.put(settings.name(), built.warmUp());
        }
        return new SpringAiModelClient(settings, built.chatModel(), options, caller, metrics);
    }

    /**
     * Builds what each client's SDK would build on its first call, without calling the model: a new service's
     * first calls, all at once, then do not queue behind the one building it. Returns how many clients were
     * warmed; one that cannot be is left as it is, to build it on its first call.
     */
    public int warmUp() {
        int warmed = 0;
        for (var warmUp : warmUps.entrySet()) {
            long start = System.nanoTime();
            boolean done = warmUp.getValue().getAsBoolean();
            log.debug("model client '{}': warm-up {} in {} ms", warmUp.getKey(), done ? "done" : "not done",
                    (System.nanoTime() - start) / 1_000_000);
            warmed += done ? 1 : 0;
        }
        return warmed;
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
