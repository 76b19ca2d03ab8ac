package dev.textopt.session;

import dev.textopt.optim.Allowance;
import dev.textopt.optim.ClosureResult;
import dev.textopt.optim.Loss;
import dev.textopt.optim.StepResult;
import dev.textopt.optim.Tgd;
import dev.textopt.optim.training.TraceGradient;
import dev.textopt.session.StepStarter.Begun;
import dev.textopt.session.StepStarter.Earlier;
import dev.textopt.session.StepStarter.Started;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A training run's steps, made of a step's own parts ({@link StepService}, {@link StepStarter}, {@link StepFinisher}):
 * the batch's loss stands in for a closure's (it is the entry's loss), and a key names the run's batch, so that a
 * run taken over finds the step its dead instance made. The run's first step (and the first after a take-over)
 * reads the session and runs as a step by request does; each later one runs on the optimizer the step before left,
 * with the grads its batch's backward appended, and starts its model calls at once: its start and its end go on
 * behind them, on the run's writes (BENCHMARKS.md, 17).
 */
@Component
class RunSteps {

    /**
     * A run's step, and the optimizer as it left it (its values and momentum, grads cleared) for the run's next step
     * to run on; no optimizer after a step found again, which this instance did not run.
     */
    record RunStep(StepOutcome outcome, Tgd optimizer) {
    }

    private final StepService steps;
    private final StepFinisher finisher;
    private final TgdFactory factory;
    private final ProgressWriter progressWriter;
    private final LeaseKeeper leases;
    private final Spans spans;

    RunSteps(StepService steps, StepFinisher finisher, TgdFactory factory, ProgressWriter progressWriter, LeaseKeeper leases, Spans spans) {
        this.steps = steps;
        this.finisher = finisher;
        this.factory = factory;
        this.progressWriter = progressWriter;
        this.leases = leases;
        this.spans = spans;
    }

    /**
     * A step on the session as it is stored: {@code keeper} is handed the step's outcome in the transaction that
     * applies it (not a replayed one's), or what a failed step spent in the one that records its failure.
     */
    RunStep step(UUID id, UUID runId, Loss loss, String stepKey, AnswerKeeper<StepOutcome> keeper) {
        Begun begun = steps.start(id, false, stepKey, runId);
        if (begun instanceof Earlier earlier) {
            return new RunStep(StepOutcome.replayOf(earlier.entry()), null);
        }
        Started started = (Started) begun;
        Tgd tgd = factory.restore(started.session());
        StepOutcome outcome = steps.run(started, tgd, params -> new ClosureResult(loss), keeper);
        tgd.clearGrad();
        return new RunStep(outcome, tgd);
    }

    /**
     * A step after one this instance ran ({@code last}), on the optimizer that step left with the batch's
     * {@code gradients} appended, as backward's write appends them to the session: its calls start at once;
     * its start (the lease, the running entry, which must be numbered right after {@code last}'s) and its end go
     * on {@code behind} them, after the run's writes before it. The budget is checked first against what the run
     * has spent ({@code session}). {@code waiting} starts it, waiting while the session or the tenant is busy. A
     * succeeded step is returned once its calls have answered; a failed one once its failure is recorded, by
     * throwing it as {@link #step} does.
     */
    RunStep stepAhead(UUID id, UUID runId, RunStep last, CallSession session, List<TraceGradient> gradients, Loss loss, String stepKey,
            AnswerKeeper<StepOutcome> keeper, WritesBehind behind, Function<Supplier<Begun>, Begun> waiting) {
        if (session.budget() != null && session.spent().compareTo(session.budget().amount()) >= 0) {
            throw new BudgetExhaustedException(session.spent(), session.budget());
        }
        Tgd tgd = last.optimizer();
        gradients.forEach(g -> tgd.parameter(g.paramId()).orElseThrow().appendGrad(g.gradient()));
        int number = last.outcome().step() + 1; // while a run is active, only its steps make history entries
        int total = (int) tgd.allParams().stream().filter(p -> p.requiresGrad() && !p.grad().isEmpty()).count();
        var progress = progressWriter.recorder(id, number, total);
        var started = new AtomicReference<Started>();
        var heartbeat = new AtomicReference<LeaseKeeper.Heartbeat>();
        behind.add("step", () -> {
            if (!(waiting.apply(() -> steps.start(id, false, stepKey, runId)) instanceof Started begun)) {
                throw new IllegalStateException("the run's new step found a step made with its key " + stepKey);
            }
            if (begun.number() != number) {
                finisher.stoppedUnexpectedly(begun, progress);
                throw new IllegalStateException("the run's step " + number + " found the session's history at entry " + begun.number());
            }
            started.set(begun);
            heartbeat.set(leases.keep(id, begun.leaseOwner()));
        }, () -> {
            // nothing was spent yet
        });
        long from = System.nanoTime();
        Allowance allowance = session.allowance();
        StepResult result;
        try {
            result = spans.around(Spans.STEP_CALLS, id, () -> tgd.step(params -> new ClosureResult(loss), progress, allowance));
        } catch (RuntimeException e) {
            behind.add("step", () -> ended(heartbeat, () -> finisher.stoppedUnexpectedly(started.get(), progress)), () -> {
            });
            behind.settleQuietly();
            throw e;
        }
        if (result instanceof StepResult.Applied applied) {
            var changes = finisher.changes(tgd, applied); // now: the run's next step changes the optimizer again
            behind.add("step", () -> ended(heartbeat, () -> save(finisher.succeeded(started.get(), changes), progress, keeper)),
                    () -> finisher.countOnly(id, runId, applied.usage(), keeper));
            tgd.clearGrad();
            long durationMs = Duration.ofNanos(System.nanoTime() - from).toMillis();
            return new RunStep(new StepOutcome(number, applied.loss(), applied.params(), applied.usage(), durationMs, false), tgd);
        }
        var failed = (StepResult.Failed) result;
        behind.add("step", () -> ended(heartbeat, () -> {
            throw finisher.failed(started.get(), failed, progress, keeper);
        }), () -> finisher.countOnly(id, runId, failed.usage(), keeper));
        behind.settle(); // throws the step's failure, once recorded
        throw new IllegalStateException("a failed step was not recorded as failed");
    }

    /** The end of a step started behind the run's calls, which lets go of its lease's heartbeat. */
    private static void ended(AtomicReference<LeaseKeeper.Heartbeat> heartbeat, Runnable end) {
        try (var held = heartbeat.get()) {
            end.run();
        }
    }

    /**
     * Saves a succeeded step; if that fails for another reason than a lost lease (the database), records the step
     * failed with what its calls cost, so that the session is free again.
     */
    private void save(StepFinisher.Success success, ProgressRecorder progress, AnswerKeeper<StepOutcome> keeper) {
        Started started = success.started();
        try {
            spans.around(Spans.STEP_APPLY, started.session().id(), () -> finisher.save(success, keeper));
        } catch (StepFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            finisher.stoppedUnexpectedly(started, progress, success.outcome().usage(), keeper);
            throw e;
        }
    }
}
