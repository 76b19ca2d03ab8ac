package dev.textopt.adapter.llm;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to build one named model client, already resolved from configuration.
 *
 * @param apiKey          blank or null when none is configured
 * @param missingKeyHint  what to tell an operator when a required key is missing
 * @param completionArgs  the client's default completion arguments, under those of a param group
 * @param timeout         the time limit of one HTTP attempt
 * @param maxRetries      retries after the first attempt (429, 408, 5xx, connection failures)
 * @param maxConcurrency  calls in flight at once for this client
 * @param backoffBase     the first backoff delay; doubled on each retry, with jitter
 * @param backoffMax      the longest backoff delay
 * @param maxRetryAfter   the longest {@code Retry-After} we honour; longer waits are cut to this
 */
public record ClientSettings(String name, Provider provider, String baseUrl, String apiKey, String missingKeyHint,
        Map<String, Object> completionArgs, Duration timeout, int maxRetries, int maxConcurrency,
        Duration backoffBase, Duration backoffMax, Duration maxRetryAfter) {

    public ClientSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("model client '" + name + "': base-url must be an absolute http(s) URL");
        }
        completionArgs = completionArgs == null ? Map.of() : Map.copyOf(completionArgs);
        requirePositive(name, "timeout", timeout);
        requirePositive(name, "backoff-base", backoffBase);
        requirePositive(name, "backoff-max", backoffMax);
        requirePositive(name, "max-retry-after", maxRetryAfter);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("model client '" + name + "': max-retries must be >= 0");
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("model client '" + name + "': max-concurrency must be >= 1");
        }
    }

    private static void requirePositive(String name, String what, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("model client '" + name + "': " + what + " must be a positive duration");
        }
    }

    boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "ClientSettings[name=" + name + ", provider=" + provider.id() + ", baseUrl=" + baseUrl + ", apiKey="
                + (hasApiKey() ? "******" : "<none>") + ", completionArgs=" + completionArgs + ", timeout=" + timeout
                + ", maxRetries=" + maxRetries + ", maxConcurrency=" + maxConcurrency + "]";
    }
}
