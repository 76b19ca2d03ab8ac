package dev.textopt.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code textopt.model-clients.<name>.*}, {@code textopt.prices.<model>.*} and {@code textopt.price-list}.
 * Every property can come from the environment in Spring's relaxed form, e.g.
 * {@code TEXTOPT_MODELCLIENTS_OPENAI_TIMEOUT=30s}, except names with a dash or a dot: prices for such
 * models go in {@code TEXTOPT_PRICE_LIST} ({@link PriceList}), which goes over {@code textopt.prices}.
 * The clients {@code openai} and {@code anthropic} always exist (see {@link ModelClientsConfiguration}).
 */
@ConfigurationProperties("textopt")
public record ModelClientsProperties(Map<String, Client> modelClients, Map<String, Price> prices, String priceList) {

    public ModelClientsProperties {
        modelClients = modelClients == null ? Map.of() : new LinkedHashMap<>(modelClients);
        prices = prices == null ? Map.of() : new LinkedHashMap<>(prices);
    }

    /**
     * One named model client.
     *
     * @param provider        openai or anthropic; defaults to the client's name for "openai" and "anthropic"
     * @param baseUrl         for openai it ends in /v1 and is used as given; default the provider's public API
     * @param apiKey          secret; never logged, never in toString
     * @param completionArgs  defaults for every call, under a param group's completion_args
     * @param timeout         time limit of one HTTP attempt
     * @param maxRetries      retries after the first attempt, on 429, 408, 5xx and connection failures
     * @param maxConcurrency  calls in flight at once for this client; by default as many as one step may
     *                        have in flight (textopt.step.max-concurrent-calls, 64), so that a single step
     *                        never runs in waves (BENCHMARKS.md, step fan-out); rate limits answer 429,
     *                        which the client retries with backoff
     * @param backoffBase     first retry delay, doubled each retry, with jitter
     * @param backoffMax      longest retry delay
     * @param maxRetryAfter   longest Retry-After honoured; longer ones are cut to this
     */
    public record Client(String provider, String baseUrl, String apiKey, Map<String, Object> completionArgs,
            @DefaultValue("60s") Duration timeout, @DefaultValue("3") int maxRetries,
            @DefaultValue("64") int maxConcurrency, @DefaultValue("500ms") Duration backoffBase,
            @DefaultValue("20s") Duration backoffMax, @DefaultValue("60s") Duration maxRetryAfter) {

        public Client {
            completionArgs = completionArgs == null ? Map.of() : new LinkedHashMap<>(completionArgs);
        }

        /** A client with nothing configured but the defaults. */
        static Client defaults() {
            return new Client(null, null, null, null, Duration.ofSeconds(60), 3, 64, Duration.ofMillis(500),
                    Duration.ofSeconds(20), Duration.ofSeconds(60));
        }

        @Override
        public String toString() {
            return "Client[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey="
                    + (apiKey == null || apiKey.isBlank() ? "<none>" : "******") + ", completionArgs=" + completionArgs
                    + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", maxConcurrency=" + maxConcurrency
                    + ", backoffBase=" + backoffBase + ", backoffMax=" + backoffMax + ", maxRetryAfter="
                    + maxRetryAfter + "]";
        }
    }

    /** USD per million input (prompt) and output (completion) tokens. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    @Override
    public String toString() {
        return "ModelClientsProperties[modelClients=" + modelClients.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"))
                + ", prices=" + prices + ", priceList=" + priceList + "]";
    }
}
