package dev.textopt.session;

import dev.textopt.optim.Usage;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What forward, evaluate and backward do in the database around their model calls, no transaction held while
 * the models think: a read of what the calls need, and a short transaction that writes their result with the
 * tokens they spent. Tokens are counted whatever happens to the rest of the write.
 */
@Component
class TrainingTransactions {

    private final TransactionTemplate tx;
    private final ApplyStepPort usage;
    private final Clock clock;

    TrainingTransactions(TransactionTemplate tx, ApplyStepPort usage, Clock clock) {
        this.tx = tx;
        this.usage = usage;
        this.clock = clock;
    }

    /**
     * No transaction at all: what must agree, values and their versions, comes in one statement
     * (LoadCallSessionPort), and the traces read besides keep the versions they were made with, which no commit
     * changes, so each statement on its own (read committed) is all a transaction would give. Without one, a
     * read is its statements' round trips alone, with no COMMIT after them (BENCHMARKS.md, 13).
     */
    <T> T read(Supplier<T> read) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("model calls must not run inside a transaction: it would be held through them");
        }
        return read.get();
    }

    /**
     * Adds {@code usage} to the session and runs {@code write}, in one transaction that holds the session
     * row's lock from its start (as an append of gradients does) and gives the session a new version. If the
     * write fails (a check that no longer holds, an answer that cannot be kept), its changes are rolled back
     * but the tokens are still counted, in a transaction of their own, and told to {@code keeper}.
     */
    void write(UUID sessionId, Map<String, Usage> usage, AnswerKeeper<?> keeper, Runnable write) {
        try {
            tx.executeWithoutResult(status -> {
                addUsage(sessionId, usage, keeper);
                write.run();
            });
        } catch (RuntimeException e) {
            try {
                countTokens(sessionId, usage, keeper);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    /**
     * {@link #write}, then {@code stored} once it has committed: at once when {@code behind} is null (a request's),
     * else after the run's writes before it while the run goes on ({@link WritesBehind}); {@code operation} names it
     * if it fails.
     */
    void write(UUID sessionId, Map<String, Usage> usage, AnswerKeeper<?> keeper, WritesBehind behind, String operation, Runnable write,
            Runnable stored) {
        Runnable writeAll = () -> {
            write(sessionId, usage, keeper, write);
            stored.run();
        };
        if (behind == null) {
            writeAll.run();
        } else {
            behind.add(operation, writeAll, () -> countTokens(sessionId, usage, keeper));
        }
    }

    /** Only the tokens, on the session and by {@link AnswerKeeper#failed}: a request whose calls failed stores nothing else. */
    void countTokens(UUID sessionId, Map<String, Usage> usage, AnswerKeeper<?> keeper) {
        tx.executeWithoutResult(status -> {
            addUsage(sessionId, usage, keeper);
            keeper.failed(usage);
        });
    }

    /**
     * On the session, and on the keeper's run if it works for one. The session may have been deleted while the
     * models thought: then there is nothing to count it on.
     */
    private void addUsage(UUID sessionId, Map<String, Usage> usage, AnswerKeeper<?> keeper) {
        var meter = keeper.meter();
        boolean cancelRequested = this.usage.addOwnUsage(sessionId, clock.instant(), usage, meter == null ? null : meter.runId())
                .orElseThrow(() -> new SessionNotFoundException(sessionId));
        if (meter != null) {
            meter.cancelSeen().accept(cancelRequested);
        }
    }
}
