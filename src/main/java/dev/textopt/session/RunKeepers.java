package dev.textopt.session;

import dev.textopt.optim.run.RunPosition;
import org.springframework.stereotype.Component;

/**
 * What a run's operations hand their outcome to, in the transaction that stores it: the run's share of the
 * work, done there rather than in transactions of its own (BENCHMARKS.md, 8). A run's usage counts every call
 * the provider billed, as the session's does, also the calls of an operation that failed: each operation counts
 * its cost on the run in the statement that counts it on the session ({@link AnswerKeeper#meter}, BENCHMARKS.md,
 * 14), which reads the run's cancel flag for the next check point on the way.
 */
@Component
class RunKeepers {

    private final RecordRunPort progress;
    private final ApplyStepPort apply;
    private final EventLog events;

    RunKeepers(RecordRunPort progress, ApplyStepPort apply, EventLog events) {
        this.progress = progress;
        this.apply = apply;
        this.events = events;
    }

    /** Counts on the run what an operation's calls cost, with the session, succeeded or failed. */
    <T> AnswerKeeper<T> costs(RunWork work) {
        var meter = new AnswerKeeper.RunMeter(work.runId, work::cancelSeen);
        return new AnswerKeeper<>() {
            @Override
            public void keep(T outcome) {
                // counted with the session's usage, before this
            }

            @Override
            public AnswerKeeper.RunMeter meter() {
                return meter;
            }
        };
    }

    /**
     * The end of the step of the batch at {@code at}, in the transaction that applies the step, so that a crash
     * cannot come between them: clear_grad, and the step and the position after it ({@code next}) recorded in
     * the run, fenced by the run's lease (if it was lost, the run's next check point stops it), with its
     * {@code run.progress} event. The step counted its cost on the run when it let go of its lease (StepFinisher),
     * succeeded or failed.
     */
    AnswerKeeper<StepOutcome> stepEnd(RunWork work, RunPosition at, RunPosition next) {
        int done = work.steps.size() + 1; // counted here: the step's write goes on behind the run, which adds the step meanwhile
        return step -> {
            apply.clearGrads(work.sessionId);
            var trained = RunBatches.trained(at, step.step(), step.loss(), true);
            progress.recordStep(work.runId, work.owner, trained.step(), next).ifPresentOrElse(cancelRequested -> {
                work.cancelSeen(cancelRequested);
                events.runProgress(work.sessionId, work.runId, trained.step(), done, work.schedule.totalSteps());
            }, () -> work.lost.set(true));
        };
    }
}
