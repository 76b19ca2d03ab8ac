package dev.textopt.session;

import dev.textopt.optim.StepProgress;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running step's progress in its history entry, so that pollers see it move: {@code total}, the
 * parameters the step calls the model for, and {@code done}, how many of those calls have ended. The
 * entry starts with the total the step can see; with a closure that is every parameter with
 * requires_grad, and once the closure has answered, the count of those that then have feedback is
 * written if it differs (on the step's thread, before any call).
 * A call that ends only counts: the count is written on the writer's thread, never on the call's, so that
 * no call waits for a database connection before its step may finish. At most one write of a step is
 * queued at a time, and it writes the latest count when it runs: calls that end together (a whole wave
 * of a step) cost one or two updates of the entry's row instead of one each.
 * Each write is a {@code step.progress} event too, in the same transaction.
 * The last call writes nothing, nor does a queued write that finds every call ended: the step's result,
 * written next, says that every call is done. A write that still comes after the step's end changes
 * nothing ({@link RecordHistoryPort#updateProgress} only writes a running entry) and so sends no event.
 */
final class ProgressRecorder implements StepProgress {

    /** Writes a running entry's count and its event, in one transaction. */
    interface Write {
        void write(UUID sessionId, int number, int done, int total);
    }

    private final Executor writer;
    private final Write write;
    private final UUID sessionId;
    private final int number;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean queued = new AtomicBoolean();
    private int written; // only on the writer's thread, which runs one write at a time
    private volatile int total;

    /** {@code writer} runs the calls' writes, one at a time; {@code write} writes them. */
    ProgressRecorder(Executor writer, Write write, UUID sessionId, int number, int total) {
        this.writer = writer;
        this.write = write;
        this.sessionId = sessionId;
        this.number = number;
        this.total = total;
    }

    @Override
    public void started(int totalCalls) {
        if (totalCalls != total) {
            total = totalCalls;
            write.write(sessionId, number, 0, totalCalls);
        }
    }

    @Override
    public void paramFinished(String paramId, boolean ok) {
        if (done.incrementAndGet() < total && queued.compareAndSet(false, true)) {
            writer.execute(this::writeLatest);
        }
    }

    private void writeLatest() {
        queued.set(false); // a call that ends from now on queues the next write
        int now = done.get();
        if (now > written && now < total) {
            write.write(sessionId, number, now, total);
            written = now;
        }
    }

    int done() {
        return done.get();
    }

    int total() {
        return total;
    }
}
