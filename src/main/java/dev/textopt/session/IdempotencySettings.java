package dev.textopt.session;

import java.time.Duration;

/**
 * {@code Idempotency-Key} ({@code textopt.idempotency}): how long keys and their answers are kept
 * ({@code ttl}, default 24h), and how long the claim of the request answering a key holds without
 * renewal ({@code in-progress-timeout}; unset: as long as a step's lease). A retry takes over a claim that
 * ran out, so a key whose instance died is not stuck.
 */
public record IdempotencySettings(Duration ttl, Duration inProgressTimeout) {

    public IdempotencySettings {
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("textopt.idempotency.ttl must be at least 1s");
        }
        if (inProgressTimeout != null && inProgressTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("textopt.idempotency.in-progress-timeout must be at least 1s");
        }
    }

    /** The claim's timeout: as configured, or else the step lease's. */
    public Duration inProgressTimeout(StepSettings steps) {
        return inProgressTimeout == null ? steps.leaseTimeout() : inProgressTimeout;
    }
}
