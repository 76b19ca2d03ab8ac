package dev.textopt.optim.training;

import dev.textopt.optim.Allowance;
import dev.textopt.optim.ModelClients;
import dev.textopt.optim.PriceTable;
import dev.textopt.optim.TgdSettings;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the passes make their model calls with, as a step does: the clients (whatever the session layer
 * wraps around them applies to every call), the prices usage is costed with, and how many calls of one
 * pass may be in flight at once on which executor, and what the pass may still spend (checked before
 * each call, as a step's calls are).
 */
public record ModelCalls(ModelClients clients, PriceTable prices, int maxConcurrentCalls, Executor executor, Allowance allowance) {

    public ModelCalls {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(executor, "executor");
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, got " + maxConcurrentCalls);
        }
    }

    /** The same bound and executor as a step's calls, with no limit on spending. */
    public static ModelCalls of(ModelClients clients, PriceTable prices, TgdSettings settings) {
        return new ModelCalls(clients, prices, settings.maxConcurrentCalls(), settings.executor(), Allowance.UNLIMITED);
    }

    /** The same calls, limited to what {@code allowance} lets them spend. */
    public ModelCalls limitedTo(Allowance allowance) {
        return new ModelCalls(clients, prices, maxConcurrentCalls, executor, allowance);
    }

    <T> CallBatch<T> batch() {
        return new CallBatch<>(this);
    }
}
