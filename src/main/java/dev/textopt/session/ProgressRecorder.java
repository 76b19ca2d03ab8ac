package dev.textopt.session;

import dev.textopt.optim.StepProgress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes "parameters done" of a running step to its history entry, so that pollers see it move. */
final class ProgressRecorder implements StepProgress {

    private final SessionStore store;
    private final TransactionTemplate tx;
    private final UUID sessionId;
    private final int number;
    private final AtomicInteger done = new AtomicInteger();

    ProgressRecorder(SessionStore store, TransactionTemplate tx, UUID sessionId, int number) {
        this.store = store;
        this.tx = tx;
        this.sessionId = sessionId;
        this.number = number;
    }

    @Override
    public void started(int totalCalls) {
    }

    @Override
    public void paramFinished(String paramId, boolean ok) {
        int now = done.incrementAndGet();
        tx.executeWithoutResult(s -> store.updateProgress(sessionId, number, now));
    }
}
