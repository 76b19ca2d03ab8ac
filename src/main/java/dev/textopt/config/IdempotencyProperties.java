package dev.textopt.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code Idempotency-Key}: how long keys and their answers are kept ({@code ttl}), and how long the claim
 * of the request answering a key holds without renewal ({@code in-progress-timeout}; unset: as long as a
 * step's lease). A retry takes over a claim that ran out, so a key whose instance died is not stuck.
 */
@ConfigurationProperties("textopt.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl, Duration inProgressTimeout) {

    public IdempotencyProperties {
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("textopt.idempotency.ttl must be at least 1s");
        }
        if (inProgressTimeout != null && inProgressTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("textopt.idempotency.in-progress-timeout must be at least 1s");
        }
    }

    /** The claim's timeout: as configured, or else the step lease's. */
    public Duration inProgressTimeout(StepProperties steps) {
        return inProgressTimeout == null ? steps.leaseTimeout() : inProgressTimeout;
    }
}
