package dev.textopt.session;

import dev.textopt.optim.StepProgress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes "parameters done" of a running step to its history entry, so that pollers see it move.
 * One write at a time: a call that finishes while another is writing leaves its count to that writer,
 * which writes the latest count before it lets go. Calls that end together (a whole wave of a step)
 * cost one or two updates of the entry's row instead of one each, all queued on that row's lock.
 * The last call writes nothing: the step's result, written next, says that every parameter is done,
 * and a write there would only delay it.
 */
final class ProgressRecorder implements StepProgress {

    private final RecordHistoryPort history;
    private final TransactionTemplate tx;
    private final UUID sessionId;
    private final int number;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile int written;
    private volatile int total = Integer.MAX_VALUE;

    ProgressRecorder(RecordHistoryPort history, TransactionTemplate tx, UUID sessionId, int number) {
        this.history = history;
        this.tx = tx;
        this.sessionId = sessionId;
        this.number = number;
    }

    @Override
    public void started(int totalCalls) {
        total = totalCalls;
    }

    @Override
    public void paramFinished(String paramId, boolean ok) {
        done.incrementAndGet();
        while (written < done.get() && done.get() < total && writing.compareAndSet(false, true)) {
            try {
                int now = done.get();
                tx.executeWithoutResult(s -> history.updateProgress(sessionId, number, now));
                written = now;
            } finally {
                writing.set(false);
            }
        }
    }
}
