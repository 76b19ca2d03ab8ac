package dev.textopt.session;

import dev.textopt.optim.Usage;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps the answer to a request with its effect. A use case that calls models holds no transaction while
 * they run, so it cannot run inside the one that keeps an {@code Idempotency-Key}'s answer; instead it hands
 * its result to this in the transaction that stores the effect. The web adapter keeps the answer there,
 * so that the effect and its answer are committed together or not at all; anything it throws undoes the
 * effect (the tokens spent are counted all the same).
 */
@FunctionalInterface
public interface AnswerKeeper<T> {

    /** For a request without a key: nothing to keep. */
    AnswerKeeper<Object> NONE = result -> { };

    /** Called once, inside the transaction that stores {@code result}. */
    void keep(T result);

    /**
     * Called instead when the request fails after its model calls spent {@code usage} (a call failed, or its
     * result could not be stored), inside the transaction that counts those tokens on the session: nothing is
     * kept, but the provider billed them. A training run counts them on itself too.
     */
    default void failed(Map<String, Usage> usage) {
    }

    /**
     * The training run the request works for (null: none): what its calls spent is counted on the run too, in the
     * statement that counts it on the session, which tells the run the cancel flag it read on the way.
     */
    default RunMeter meter() {
        return null;
    }

    /** A training run that counts an operation's cost; {@code cancelSeen} is told the run's cancel flag. */
    record RunMeter(UUID runId, Consumer<Boolean> cancelSeen) {
    }

    @SuppressWarnings("unchecked")
    static <T> AnswerKeeper<T> none() {
        return (AnswerKeeper<T>) NONE;
    }
}
