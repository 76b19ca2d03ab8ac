package dev.textopt.optim.training;

import dev.textopt.optim.ModelClients;
import dev.textopt.optim.PriceTable;
import dev.textopt.optim.TgdSettings;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the passes make their model calls with, as a step does: the clients (whatever the session layer
 * wraps around them applies to every call), the prices usage is costed with, and how many calls of one
 * pass may be in flight at once on which executor.
 */
public record ModelCalls(ModelClients clients, PriceTable prices, int maxConcurrentCalls, Executor executor) {

    public ModelCalls {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(executor, "executor");
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, got " + maxConcurrentCalls);
        }
    }

    /** The same bound and executor as a step's calls. */
    public static ModelCalls of(ModelClients clients, PriceTable prices, TgdSettings settings) {
        return new ModelCalls(clients, prices, settings.maxConcurrentCalls(), settings.executor());
    }

    <T> CallBatch<T> batch() {
        return new CallBatch<>(this);
    }
}
