package dev.textopt.session;

import java.time.Duration;

/**
 * How long forward traces live ({@code textopt.training.trace-ttl}, default 24h): after that they are
 * treated as absent, and swept away every {@code textopt.training.trace-cleanup-interval} (default 1h).
 * How many training runs one instance works on at once ({@code max-concurrent-runs}, default 8); it takes over
 * runs whose instance died every {@code run-poll-interval} (default 5s). Null means the default.
 */
public record TrainingSettings(Duration traceTtl, Integer maxConcurrentRuns) {

    public TrainingSettings {
        traceTtl = traceTtl == null ? Duration.ofHours(24) : traceTtl;
        maxConcurrentRuns = maxConcurrentRuns == null ? 8 : maxConcurrentRuns;
        if (traceTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("textopt.training.trace-ttl must be at least 1s");
        }
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("textopt.training.max-concurrent-runs must be at least 1");
        }
    }
}
