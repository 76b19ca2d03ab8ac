package dev.textopt.session;

import dev.textopt.optim.Usage;
import dev.textopt.optim.run.RunPosition;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What a run's operations hand their outcome to, in the transaction that stores it: the run's share of the
 * work, done there rather than in transactions of its own (BENCHMARKS.md, 8), with a look at the run's cancel
 * flag for the next check point. A run's usage counts every call the provider billed, as the session's does:
 * also the calls of an operation that failed.
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

    /** Counts on the run what an operation's calls cost, in the transaction that counts it on the session, succeeded or failed. */
    <T> AnswerKeeper<T> costs(RunWork work, Function<T, Map<String, Usage>> usage) {
        return new AnswerKeeper<>() {
            @Override
            public void keep(T outcome) {
                work.cancelSeen(progress.addUsage(work.runId, usage.apply(outcome)));
            }

            @Override
            public void failed(Map<String, Usage> spent) {
                progress.addUsage(work.runId, spent);
            }
        };
    }

    /**
     * The end of the step of the batch at {@code at}, in the transaction that applies the step, so that a crash
     * cannot come between them: clear_grad, and the step, the position after it ({@code next}) and its cost
     * recorded in the run, fenced by the run's lease ({@code recorded} tells whether they were), with its
     * {@code run.progress} event. A failed step's cost is counted on the run all the same.
     */
    AnswerKeeper<StepOutcome> stepEnd(RunWork work, RunPosition at, RunPosition next, AtomicBoolean recorded) {
        return new AnswerKeeper<>() {
            @Override
            public void keep(StepOutcome step) {
                apply.clearGrads(work.sessionId);
                var trained = RunBatches.trained(at, step.step(), step.loss(), step.usage(), true);
                if (progress.recordStep(work.runId, work.owner, trained.step(), next)) {
                    work.cancelSeen(progress.addUsage(work.runId, step.usage()));
                    recorded.set(true);
                    events.runProgress(work.sessionId, work.runId, trained.step(), work.steps.size() + 1,
                            work.schedule.totalSteps());
                }
            }

            @Override
            public void failed(Map<String, Usage> usage) {
                progress.addUsage(work.runId, usage);
            }
        };
    }
}
