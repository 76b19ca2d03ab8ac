package dev.textopt.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Webhook delivery ({@code textopt.webhooks}): due deliveries are looked for every {@code poll-interval}
 * (default 1s); a receiver answers within {@code timeout} (default 10s) with a 2xx, or the delivery is tried
 * again after {@code first-retry} (default 5s), doubling up to {@code max-retry-delay} (default 1h), for
 * {@code retry-for} (default 24h) after the event; then it is given up. {@code signing-key}
 * ({@code TEXTOPT_WEBHOOKS_SIGNINGKEY}, at least 32 bytes, no default) is the master key every webhook's secret is
 * derived from ({@link WebhookSecrets}); without it no webhook can be created. {@code dispatch} (default true)
 * false: this instance queues deliveries but sends none, leaving them to the instances that do (any of them may).
 */
public record WebhookSettings(Duration pollInterval, Duration timeout, Duration firstRetry, Duration maxRetryDelay, Duration retryFor,
        String signingKey, Boolean dispatch) {

    static final int MIN_SIGNING_KEY_BYTES = 32;

    public WebhookSettings {
        signingKey = signingKey == null || signingKey.isBlank() ? null : signingKey;
        if (signingKey != null && signingKey.getBytes(StandardCharsets.UTF_8).length < MIN_SIGNING_KEY_BYTES) {
            throw new IllegalArgumentException("textopt.webhooks.signing-key (" + WebhookSecrets.ENV + ") must be at least "
                    + MIN_SIGNING_KEY_BYTES + " bytes, e.g. the output of `openssl rand -base64 32`");
        }
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        retryFor = retryFor == null ? Duration.ofHours(24) : retryFor;
        dispatch = dispatch == null || dispatch;
        if (timeout.toMillis() < 100 || firstRetry.toMillis() < 100 || maxRetryDelay.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("textopt.webhooks: timeout and first-retry must be at least 100ms, "
                    + "and max-retry-delay at least first-retry");
        }
    }

    @Override
    public String toString() {
        return "WebhookSettings[pollInterval=" + pollInterval + ", timeout=" + timeout + ", firstRetry=" + firstRetry
                + ", maxRetryDelay=" + maxRetryDelay + ", retryFor=" + retryFor + ", signingKey=" + (signingKey == null ? "unset" : "set")
                + ", dispatch=" + dispatch + "]"; // never the key
    }

    /** When to try again after the {@code attempts}-th failed attempt: doubling from first-retry, capped. */
    public Duration retryAfter(int attempts) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        return delay.compareTo(maxRetryDelay) > 0 || delay.isNegative() ? maxRetryDelay : delay;
    }
}
