package dev.textopt.session;

import java.time.Duration;

/**
 * Webhook delivery ({@code textopt.webhooks}): due deliveries are looked for every {@code poll-interval}
 * (default 1s); a receiver answers within {@code timeout} (default 10s) with a 2xx, or the delivery is tried
 * again after {@code first-retry} (default 5s), doubling up to {@code max-retry-delay} (default 1h), for
 * {@code retry-for} (default 24h) after the event; then it is given up.
 */
public record WebhookSettings(Duration pollInterval, Duration timeout, Duration firstRetry, Duration maxRetryDelay, Duration retryFor) {

    public WebhookSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        retryFor = retryFor == null ? Duration.ofHours(24) : retryFor;
        if (timeout.toMillis() < 100 || firstRetry.toMillis() < 100 || maxRetryDelay.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("textopt.webhooks: timeout and first-retry must be at least 100ms, "
                    + "and max-retry-delay at least first-retry");
        }
    }

    /** When to try again after the {@code attempts}-th failed attempt: doubling from first-retry, capped. */
    public Duration retryAfter(int attempts) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        return delay.compareTo(maxRetryDelay) > 0 || delay.isNegative() ? maxRetryDelay : delay;
    }
}
