package dev.textopt.session;

import java.time.Duration;

/**
 * How steps run ({@code textopt.step}): how many model calls one step may have in flight, and how long a
 * step's lease on its session holds without renewal, so that a step whose instance died frees the
 * session. Null means the default.
 */
public record StepSettings(Integer maxConcurrentCalls, Duration leaseTimeout) {

    public StepSettings {
        maxConcurrentCalls = maxConcurrentCalls == null ? 64 : maxConcurrentCalls;
        leaseTimeout = leaseTimeout == null ? Duration.ofMinutes(2) : leaseTimeout;
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("textopt.step.max-concurrent-calls must be at least 1");
        }
        if (leaseTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("textopt.step.lease-timeout must be at least 1s");
        }
    }
}
