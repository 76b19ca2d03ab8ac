package dev.textopt.session;

import dev.textopt.optim.StepProgress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A running step's progress in its history entry, so that pollers see it move: {@code total}, the
 * parameters the step calls the model for, and {@code done}, how many of those calls have ended. The
 * entry starts with the total the step can see; with a closure that is every parameter with
 * requires_grad, and once the closure has answered, the count of those that then have feedback is
 * written if it differs.
 * One write at a time: a call that finishes while another is writing leaves its count to that writer,
 * which writes the latest count before it lets go. Calls that end together (a whole wave of a step)
 * cost one or two updates of the entry's row instead of one each, all queued on that row's lock.
 * Each write is a {@code step.progress} event too, in the same transaction.
 * The last call writes nothing: the step's result, written next, says that every call is done, and a
 * write there would only delay it.
 */
final class ProgressRecorder implements StepProgress {

    private final RecordHistoryPort history;
    private final EventLog events;
    private final TransactionTemplate tx;
    private final UUID sessionId;
    private final int number;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile int written;
    private volatile int total;

    ProgressRecorder(RecordHistoryPort history, EventLog events, TransactionTemplate tx, UUID sessionId, int number, int total) {
        this.history = history;
        this.events = events;
        this.tx = tx;
        this.sessionId = sessionId;
        this.number = number;
        this.total = total;
    }

    @Override
    public void started(int totalCalls) {
        if (totalCalls != total) {
            total = totalCalls;
            tx.executeWithoutResult(s -> {
                history.updateProgress(sessionId, number, 0, totalCalls);
                events.stepProgress(sessionId, number, 0, totalCalls);
            });
        }
    }

    @Override
    public void paramFinished(String paramId, boolean ok) {
        done.incrementAndGet();
        while (written < done.get() && done.get() < total && writing.compareAndSet(false, true)) {
            try {
                int now = done.get();
                tx.executeWithoutResult(s -> {
                    history.updateProgress(sessionId, number, now, total);
                    events.stepProgress(sessionId, number, now, total);
                });
                written = now;
            } finally {
                writing.set(false);
            }
        }
    }

    int done() {
        return done.get();
    }

    int total() {
        return total;
    }
}
