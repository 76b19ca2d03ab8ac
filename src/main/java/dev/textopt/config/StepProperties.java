package dev.textopt.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How steps run: how many model calls one step may have in flight, and how long a step's lease on
 * its session holds without renewal (so that a step whose instance died frees the session).
 */
@ConfigurationProperties("textopt.step")
public record StepProperties(
        @DefaultValue("64") int maxConcurrentCalls,
        @DefaultValue("2m") Duration leaseTimeout) {

    public StepProperties {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("textopt.step.max-concurrent-calls must be at least 1");
        }
        if (leaseTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("textopt.step.lease-timeout must be at least 1s");
        }
    }
}
