package dev.textopt.session;

import java.time.Duration;

/**
 * How long forward traces live ({@code textopt.training.trace-ttl}, default 24h): after that they are
 * treated as absent, and swept away every {@code textopt.training.trace-cleanup-interval} (default 1h).
 * Null means the default.
 */
public record TrainingSettings(Duration traceTtl) {

    public TrainingSettings {
        traceTtl = traceTtl == null ? Duration.ofHours(24) : traceTtl;
        if (traceTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("textopt.training.trace-ttl must be at least 1s");
        }
    }
}
