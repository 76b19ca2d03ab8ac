package dev.textopt.optim;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How a TGD step runs its model calls: on {@code executor}, with at most {@code maxConcurrentCalls} in
 * flight, so that a large session neither waits for calls one by one nor floods the provider.
 */
public record TgdSettings(int maxConcurrentCalls, Executor executor) {

    public TgdSettings {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, got " + maxConcurrentCalls);
        }
        Objects.requireNonNull(executor, "executor");
    }
}
