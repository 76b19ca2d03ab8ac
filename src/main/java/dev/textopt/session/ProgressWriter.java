package dev.textopt.session;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes running steps' progress, the calls' counts on one thread of its own: a model call's thread only
 * counts, and never waits for one of the pool's database connections before its step may finish
 * (BENCHMARKS.md, benchmark 10: with 100 steps at once, the calls' own writes queued for a connection
 * behind the other steps' starts and finishes). One thread uses one connection at most, and each step has
 * at most one write queued, which writes the step's latest count when its turn comes (see {@link ProgressRecorder}).
 */
@Component
class ProgressWriter implements ProgressRecorder.Write, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressWriter.class);

    private final RecordHistoryPort history;
    private final EventLog events;
    private final TransactionTemplate tx;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread writer = new Thread(r, "step-progress");
        writer.setDaemon(true);
        return writer;
    });

    ProgressWriter(RecordHistoryPort history, EventLog events, TransactionTemplate tx) {
        this.history = history;
        this.events = events;
        this.tx = tx;
    }

    /** A running step's progress: a new total is written on the step's thread, the calls' counts on this writer's. */
    ProgressRecorder recorder(UUID sessionId, int number, int total) {
        return new ProgressRecorder(this::later, this, sessionId, number, total);
    }

    /**
     * The count and its {@code step.progress} event in one transaction, while the entry is running: a write
     * that comes after the step's end changes nothing and tells nobody.
     */
    @Override
    public void write(UUID sessionId, int number, int done, int total) {
        tx.executeWithoutResult(s -> {
            if (history.updateProgress(sessionId, number, done, total)) {
                events.stepProgress(sessionId, number, done, total);
            }
        });
    }

    private void later(Runnable write) {
        try {
            thread.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    // Progress only shows a running step's way; its end is written by the step itself.
                    log.debug("Could not write a step's progress: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Step progress not written: shutting down");
        }
    }

    /** At shutdown, what is queued is still written; a call that ends later writes nothing. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
