package dev.textopt.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes of a run that need not hold up its next model calls (BENCHMARKS.md, 16 and 17): the next operation
 * takes what the one before stored from memory, so forward's traces, evaluate's scores, backward's gradients and a
 * step's start and end are written on another thread while the next model thinks. Each write starts after the one
 * before it has committed, in the order they were added; the run waits for all of them ({@link #settle}) where it
 * reads what they stored (a step that reads the session, a validation's score, the run's end), and each check
 * point throws a failure already known ({@link #throwIfFailed}). A write after one that failed only counts its
 * tokens: the calls were made and billed.
 */
final class WritesBehind {

    private static final Logger log = LoggerFactory.getLogger(WritesBehind.class);

    /** A write of the run that failed: which operation's, and why ({@link #getCause}). */
    static final class Failed extends RuntimeException {

        private final String operation;

        Failed(String operation, RuntimeException cause) {
            super(operation + ": " + cause.getMessage(), cause, false, false);
            this.operation = operation;
        }

        String operation() {
            return operation;
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private final Executor executor;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    WritesBehind(Executor executor) {
        this.executor = executor;
    }

    /**
     * Runs {@code write}, the write of {@code operation}, once the writes added before it are done; if one of them
     * failed, runs {@code countOnly} instead. Runs it on this thread if no thread can be had (shutting down).
     */
    void add(String operation, Runnable write, Runnable countOnly) {
        CompletableFuture<Void> before = last;
        Runnable task = () -> {
            Failed earlier = failureOf(before);
            if (earlier != null) {
                try {
                    countOnly.run();
                } catch (RuntimeException e) {
                    log.warn("Could not count the tokens of a run's {} after an earlier write failed", operation, e);
                }
                throw earlier;
            }
            try {
                write.run();
            } catch (RuntimeException e) {
                throw new Failed(operation, e);
            }
        };
        try {
            last = CompletableFuture.runAsync(task, executor);
        } catch (RejectedExecutionException e) {
            last = CompletableFuture.runAsync(task, Runnable::run);
        }
    }

    /** Waits for every write added so far; the first that failed is thrown. */
    void settle() {
        Failed failed = failureOf(last);
        if (failed != null) {
            throw failed;
        }
    }

    /** Throws the first failure of the writes if it is known already; waits for none. */
    void throwIfFailed() {
        if (last.isCompletedExceptionally()) {
            settle();
        }
    }

    /** Waits for every write added so far, whatever became of them: the run is failing for another reason already. */
    void settleQuietly() {
        try {
            settle();
        } catch (RuntimeException e) {
            log.debug("A run's write failed after the run had failed", e);
        }
    }

    private static Failed failureOf(CompletableFuture<Void> write) {
        try {
            write.join();
            return null;
        } catch (CompletionException e) {
            if (e.getCause() instanceof Failed failed) {
                return failed;
            }
            throw e;
        }
    }
}
