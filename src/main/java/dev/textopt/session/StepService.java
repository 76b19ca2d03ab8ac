package dev.textopt.session;

import dev.textopt.optim.Allowance;
import dev.textopt.optim.Closure;
import dev.textopt.optim.ClosureResult;
import dev.textopt.optim.Loss;
import dev.textopt.optim.StepResult;
import dev.textopt.optim.Tgd;
import dev.textopt.session.StepStarter.Begun;
import dev.textopt.session.StepStarter.Earlier;
import dev.textopt.session.StepStarter.Started;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * One optimization step, in three parts so that no transaction or connection is held while a model
 * is thinking: (1) take the session's lease and a snapshot ({@link StepStarter}), (2) run the closure and
 * the core's step with the database released, (3) apply the result, history and usage in one short
 * transaction ({@link StepFinisher}).
 */
@Service
public class StepService {

    private static final Logger log = LoggerFactory.getLogger(StepService.class);

    private final StepStarter starter;
    private final StepFinisher finisher;
    private final TgdFactory factory;
    private final StepClosures closures;
    private final ProgressWriter progressWriter;
    private final LeaseKeeper leases;
    private final Executor background;
    private final Spans spans;

    StepService(StepStarter starter, StepFinisher finisher, TgdFactory factory, StepClosures closures, ProgressWriter progressWriter,
            LeaseKeeper leases, @Qualifier("backgroundSteps") Executor background, Spans spans) {
        this.starter = starter;
        this.finisher = finisher;
        this.factory = factory;
        this.closures = closures;
        this.progressWriter = progressWriter;
        this.leases = leases;
        this.background = background;
        this.spans = spans;
    }

    /**
     * Runs a step to its end. {@code closureUrl} may be null; so may {@code idempotencyKey}, the key of
     * the request: a step that an earlier request with it started is not run again.
     */
    public StepOutcome step(UUID id, String closureUrl, String idempotencyKey) {
        URI closure = closureUrl == null ? null : closures.check(closureUrl);
        Begun begun = start(id, closure != null, idempotencyKey, null);
        return begun instanceof Earlier earlier ? StepOutcome.replayOf(earlier.entry()) : run((Started) begun, closure);
    }

    /**
     * A run's step, and the optimizer as the step left it (its values and momentum, grads cleared), for the run's
     * next step to run on ({@link #runStepAhead}); null after a step found again, which this instance did not run.
     */
    record RunStep(StepOutcome outcome, Tgd optimizer) {
    }

    /**
     * A training run's step: the batch's {@code loss} stands in for a closure's (it is the entry's loss), and
     * {@code stepKey} names the run's batch, so that a run taken over finds the step its dead instance made.
     * {@code keeper} is handed the step's outcome in the transaction that applies it (not a replayed one's), or
     * what a failed step spent in the one that records its failure. A succeeded step is returned once its calls
     * have answered: its transaction goes on {@code behind} the run's next model calls, holding the lease until it
     * has committed (a failure to save it is the run's write's).
     */
    RunStep runStep(UUID id, UUID runId, Loss loss, String stepKey, AnswerKeeper<StepOutcome> keeper, WritesBehind behind) {
        Begun begun = start(id, false, stepKey, runId);
        if (begun instanceof Earlier earlier) {
            return new RunStep(StepOutcome.replayOf(earlier.entry()), null);
        }
        Started started = (Started) begun;
        Tgd tgd = factory.restore(started.session());
        StepOutcome outcome = run(started, tgd, params -> new ClosureResult(loss), keeper, behind);
        tgd.clearGrad();
        return new RunStep(outcome, tgd);
    }

    /**
     * A run's step after one this instance ran ({@code last}), on the optimizer that step left, with the grads the
     * batch's backward appended, instead of the session read again: its calls start at once, and its start (the
     * lease, the running entry, which must be numbered right after {@code last}'s) goes on {@code behind} them,
     * after the run's writes before it, as its end does (BENCHMARKS.md, 17). The budget is checked first against
     * what the run has spent ({@code session}). {@code waiting} starts it, waiting while the session or the tenant
     * is busy. A failed step is recorded and thrown as {@link #runStep}'s is.
     */
    RunStep runStepAhead(UUID id, UUID runId, RunStep last, CallSession session, Loss loss, String stepKey, AnswerKeeper<StepOutcome> keeper,
            WritesBehind behind, Function<Supplier<Begun>, Begun> waiting) {
        if (session.budget() != null && session.spent().compareTo(session.budget().amount()) >= 0) {
            throw new BudgetExhaustedException(session.spent(), session.budget());
        }
        Tgd tgd = last.optimizer();
        int number = last.outcome().step() + 1;
        int total = (int) tgd.allParams().stream().filter(p -> p.requiresGrad() && !p.grad().isEmpty()).count();
        var progress = progressWriter.recorder(id, number, total);
        var started = new AtomicReference<Started>();
        var heartbeat = new AtomicReference<LeaseKeeper.Heartbeat>();
        behind.add("step", () -> {
            if (!(waiting.apply(() -> start(id, false, stepKey, runId)) instanceof Started begun)) {
                throw new IllegalStateException("the run's new step found a step made with its key " + stepKey);
            }
            if (begun.number() != number) {
                finisher.stoppedUnexpectedly(begun, progress);
                throw new IllegalStateException("the run's step " + number + " found the session's history at entry " + begun.number());
            }
            started.set(begun);
            heartbeat.set(leases.keep(id, begun.leaseOwner()));
        }, () -> {
        });
        long from = System.nanoTime();
        Allowance allowance = session.budget() == null ? Allowance.UNLIMITED : Allowance.of(session.budget().amount(), session.spent());
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
            var changes = finisher.changes(tgd, applied);
            behind.add("step", () -> ended(heartbeat, () -> saveBehind(finisher.succeeded(started.get(), changes), progress, keeper)),
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

    /** The end of a step started behind a run's calls, which lets go of its lease's heartbeat. */
    private static void ended(AtomicReference<LeaseKeeper.Heartbeat> heartbeat, Runnable end) {
        try (var held = heartbeat.get()) {
            end.run();
        }
    }

    /**
     * Starts a step and returns its number at once; the step runs on in the background (and goes on
     * if the client disconnects), in the trace of this request. Its history entry shows {@code running}
     * with progress, then the result.
     */
    public StepStart stepAsync(UUID id, String closureUrl, String idempotencyKey) {
        URI closure = closureUrl == null ? null : closures.check(closureUrl);
        Begun begun = start(id, closure != null, idempotencyKey, null);
        if (begun instanceof Earlier earlier) {
            return new StepStart(earlier.entry().number(), earlier.entry().status(), true);
        }
        Started started = (Started) begun;
        background.execute(() -> {
            try {
                run(started, closure);
            } catch (RuntimeException e) {
                // The failure is in the step's history entry, where the poller will read it.
                log.debug("Asynchronous step {} of session {} failed: {}", started.number(), id, e.getMessage());
            }
        });
        return new StepStart(started.number(), StepRecord.Status.RUNNING, false);
    }

    private Begun start(UUID id, boolean withClosure, String key, UUID asRun) {
        return spans.around(Spans.STEP_START, id, () -> starter.start(id, withClosure, key, asRun));
    }

    private StepOutcome run(Started started, URI closureUrl) {
        return run(started, factory.restore(started.session()),
                closureUrl == null ? null : closures.of(closureUrl, started.session().id(), started.number()), AnswerKeeper.none(), null);
    }

    private StepOutcome run(Started started, Tgd tgd, Closure closure, AnswerKeeper<StepOutcome> keeper, WritesBehind behind) {
        UUID id = started.session().id();
        var progress = progressWriter.recorder(id, started.number(), started.total());
        LeaseKeeper.Heartbeat heartbeat = leases.keep(id, started.leaseOwner());
        try {
            Budget budget = started.session().budget();
            Allowance allowance = budget == null ? Allowance.UNLIMITED : Allowance.of(budget.amount(), started.session().spent());
            StepResult result = spans.around(Spans.STEP_CALLS, id, () -> tgd.step(closure, progress, allowance));
            if (behind != null && result instanceof StepResult.Applied applied) {
                var success = finisher.succeeded(started, finisher.changes(tgd, applied));
                var held = heartbeat;
                heartbeat = null; // the write behind lets go of it
                behind.add("step", () -> {
                    try (held) {
                        saveBehind(success, progress, keeper);
                    }
                }, () -> {
                    try (held) {
                        finisher.stoppedUnexpectedly(started, progress, applied.usage(), keeper);
                    }
                });
                return success.outcome();
            }
            return spans.around(Spans.STEP_APPLY, id, () -> finisher.finish(started, tgd, result, progress, keeper));
        } catch (ClosureEndpoint.ClosureFailedException e) {
            throw spans.around(Spans.STEP_APPLY, id, () -> finisher.closureFailed(started, progress, e));
        } catch (StepFailedException | BudgetExhaustedException e) {
            throw e; // the step's end is recorded
        } catch (RuntimeException e) {
            finisher.stoppedUnexpectedly(started, progress);
            throw e;
        } finally {
            if (heartbeat != null) {
                heartbeat.close();
            }
        }
    }

    /**
     * Saves a succeeded step behind a run's calls; if that fails for another reason than a lost lease (the
     * database), records the step failed with what its calls cost, so that the session is free again.
     */
    private void saveBehind(StepFinisher.Success success, ProgressRecorder progress, AnswerKeeper<StepOutcome> keeper) {
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
