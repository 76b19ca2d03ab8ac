package dev.textopt.config;

import dev.textopt.adapter.llm.ClientSettings;
import dev.textopt.adapter.llm.ConfiguredModelClients;
import dev.textopt.adapter.llm.Provider;
import dev.textopt.optim.Price;
import dev.textopt.optim.PriceTable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;



/**
 * Turns {@code textopt.model-clients} into the {@link ConfiguredModelClients} bean, and
 * {@code textopt.prices} and {@code textopt.price-list} into the core's {@link PriceTable}. The clients {@code openai} and {@code anthropic}
 * always exist; unless configured otherwise they take their key and base URL from
 * {@code OPENAI_API_KEY} / {@code OPENAI_BASE_URL} and {@code ANTHROPIC_API_KEY} / {@code ANTHROPIC_BASE_URL}.
 * A missing key does not stop the service: the client reports it and refuses calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModelClientsProperties.class)
public class ModelClientsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ModelClientsConfiguration.class);

    @Bean
    ConfiguredModelClients modelClients(ModelClientsProperties properties, Environment environment,
            ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<ObservationRegistry> observations) {
        List<ClientSettings> settings = settings(properties, environment);
        settings.forEach(s -> log.info("model client '{}': {} at {} ({})", s.name(), s.provider().id(),
                withoutUserInfo(s.baseUrl()),
                s.apiKey() == null || s.apiKey().isBlank() ? "no API key" : "API key set"));
        return ConfiguredModelClients.create(settings, meterRegistry.getIfAvailable(() -> Metrics.globalRegistry),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /**
     * Once the service is ready, on a thread of its own so that readiness does not wait for it: builds what the
     * clients' SDKs build on a first call, so that the calls of a first wave of steps do not all wait for it.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> modelClientsWarmUp(ConfiguredModelClients clients) {
        return ready -> {
            Thread thread = new Thread(clients::warmUp, "model-clients-warm-up");
            thread.setDaemon(true);
            thread.start();
        };
    }

    /** Counts the tokens of each model call as {@code gen_ai.client.token.usage}; Spring Boot adds it to the observations. */
    @Bean
    ChatModelMeterObservationHandler chatModelTokenMeters(ObjectProvider<MeterRegistry> meterRegistry) {
        return new ChatModelMeterObservationHandler(meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    PriceTable priceTable(ModelClientsProperties properties) {
        Map<String, Price> prices = new LinkedHashMap<>();
        properties.prices().forEach((model, price) -> {
            try {
                prices.put(model, new Price(price.inputPerMillion(), price.outputPerMillion()));
            }
            catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalStateException("textopt.prices." + model + ": " + e.getMessage(), e);
            }
        });
        prices.putAll(PriceList.parse(properties.priceList()));
        return new PriceTable(prices);
    }

    static List<ClientSettings> settings(ModelClientsProperties properties, Environment environment) {
        Map<String, ModelClientsProperties.Client> clients = new LinkedHashMap<>();
        for (Provider provider : Provider.values()) {
            clients.put(provider.id(), ModelClientsProperties.Client.defaults());
        }
        clients.putAll(properties.modelClients());
        List<ClientSettings> settings = new ArrayList<>();
        clients.forEach((name, client) -> settings.add(resolve(name, client, environment)));
        return settings;
    }

    private static ClientSettings resolve(String name, ModelClientsProperties.Client client, Environment environment) {
        Provider builtIn = builtIn(name);
        Provider provider;
        try {
            provider = client.provider() != null && !client.provider().isBlank() ? Provider.of(client.provider())
                    : builtIn != null ? builtIn : Provider.of(client.provider());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("textopt.model-clients." + name + ".provider: " + e.getMessage(), e);
        }
        String envPrefix = provider.id().toUpperCase(Locale.ROOT);
        boolean usesProviderEnv = builtIn == provider;
        String baseUrl = firstNonBlank(client.baseUrl(),
                usesProviderEnv ? environment.getProperty(envPrefix + "_BASE_URL") : null, provider.defaultBaseUrl());
        String apiKey = firstNonBlank(client.apiKey(),
                usesProviderEnv ? environment.getProperty(envPrefix + "_API_KEY") : null, null);
        String hint = "set " + (usesProviderEnv ? envPrefix + "_API_KEY"
                : "TEXTOPT_MODELCLIENTS_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "") + "_APIKEY")
                + " (or textopt.model-clients." + name + ".api-key)";
        if (provider == Provider.OPENAI && !baseUrl.replaceAll("/+$", "").endsWith("/v1")) {
            log.warn("model client '{}': base-url {} does not end in /v1; it is used as given", name, baseUrl);
        }
        try {
            return new ClientSettings(name, provider, baseUrl, apiKey, hint,
                    CompletionArgsNormalizer.normalize(client.completionArgs()), client.timeout(), client.maxRetries(),
                    client.maxConcurrency(), client.backoffBase(), client.backoffMax(), client.maxRetryAfter());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("textopt.model-clients." + name + ": " + e.getMessage(), e);
        }
    }

    /** A base URL may carry credentials (https://user:secret@host); they are not for the log. */
    private static String withoutUserInfo(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return uri.getRawUserInfo() == null ? baseUrl : baseUrl.replace(uri.getRawUserInfo() + "@", "***@");
    }

    private static Provider builtIn(String name) {
        for (Provider provider : Provider.values()) {
            if (provider.id().equals(name)) {
                return provider;
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
