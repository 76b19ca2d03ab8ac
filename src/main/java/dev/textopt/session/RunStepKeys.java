package dev.textopt.session;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly once per step: a run's step carries a key naming the run's batch on its history entry (as a
 * request's {@code Idempotency-Key} does). A run taken over looks the key up before it trains the batch: a
 * succeeded step is counted, not repeated; a failed one (or none) means the batch is trained again; a running
 * one, left by the dead instance, is waited for until its session lease runs out and it is marked failed.
 */
@Component
class RunStepKeys {

    private final LoadHistoryPort history;
    private final AbandonedSteps abandoned;
    private final TransactionTemplate tx;
    private final Duration pause;

    RunStepKeys(LoadHistoryPort history, AbandonedSteps abandoned, TransactionTemplate tx, LeaseKeeper keeper) {
        this.history = history;
        this.abandoned = abandoned;
        this.tx = tx;
        long tenth = keeper.timeout().toMillis() / 10;
        this.pause = Duration.ofMillis(Math.max(100, Math.min(2_000, tenth)));
    }

    /** The succeeded step the key made, or empty when the batch is to be trained (again); waits while it runs. */
    Optional<StepRecord> settled(RunWork work, String key) {
        while (true) {
            Optional<StepRecord> entry = tx.execute(s -> history.stepStartedBy(work.sessionId, key));
            if (entry.isEmpty() || entry.get().status() != StepRecord.Status.RUNNING) {
                return entry.filter(e -> e.status() == StepRecord.Status.SUCCEEDED);
            }
            abandoned.sweep();
            pause(work);
        }
    }

    /**
     * Starts the step, waiting while the session is busy: a step of the dead instance still holding the
     * session lease, or the tenant at its limit of steps in flight.
     */
    <T> T step(RunWork work, Supplier<T> step) {
        while (true) {
            try {
                return step.get();
            } catch (RequestInProgressException | StepRunningException e) {
                pause(work);
            } catch (QuotaExceededException e) {
                if (!e.retryable()) {
                    throw e;
                }
                pause(work);
            }
        }
    }

    private void pause(RunWork work) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunWork.Interrupted(RunWork.Interrupted.Why.STOPPING);
        }
        work.checkpoint();
    }
}
