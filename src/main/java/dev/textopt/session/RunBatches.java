package dev.textopt.session;

import dev.textopt.optim.Loss;
import dev.textopt.optim.training.BatchLoss;
import dev.textopt.optim.training.TraceGradient;
import dev.textopt.optim.run.RunItem;
import dev.textopt.optim.run.RunPosition;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * A run's batches and validations, made of the single operations' use cases and nothing else: a batch is
 * forward → evaluate → backward → step → clear_grad, a validation forward → evaluate in requests of at most
 * {@code max-batch-size} items. Before every call the run's check points are asked (cancelled? shutting
 * down? lease lost?), so a run stops after the call in flight. Each operation counts what it spent on the run
 * with the session ({@link RunKeepers}), and the step's transaction clears the grads and records the step.
 * Each operation takes the session (and traces) from the one before rather than reading them again, and each
 * step after the run's first runs on the optimizer the step before left ({@link RunSteps}); the writes go on behind
 * the next operation's model calls ({@link WritesBehind}): forward's while the judge thinks, evaluate's while the
 * backward model does, backward's and the step's start while the optimizer's does, the step's end while the next
 * forward's (or validation's) does. The run waits until all of them are stored where it reads the session (its
 * first step, and the first after a take-over), at a validation's end and at its own end (BENCHMARKS.md, 16 and 17).
 */
@Component
class RunBatches {

    private final ForwardService forwards;
    private final EvaluateService evaluations;
    private final BackwardService backwards;
    private final RunSteps steps;
    private final OptimizerSessions sessions;
    private final RunStepKeys keys;
    private final RunKeepers keepers;
    private final Limits limits;

    RunBatches(ForwardService forwards, EvaluateService evaluations, BackwardService backwards, RunSteps steps,
            OptimizerSessions sessions, RunStepKeys keys, RunKeepers keepers, Limits limits) {
        this.forwards = forwards;
        this.evaluations = evaluations;
        this.backwards = backwards;
        this.steps = steps;
        this.sessions = sessions;
        this.keys = keys;
        this.keepers = keepers;
        this.limits = limits;
    }

    /**
     * A trained batch's step (its calls' cost, the step's too, was counted on the run as each was stored).
     * {@code recorded}: the step's transaction records it in the run (or, if the run's lease was lost, tells the
     * run's next check point); if not (a step found again), the caller records it.
     */
    record Trained(StoredRun.RunStep step, boolean recorded) {
    }

    /**
     * Trains the batch at {@code at}, or finds the step its key made before this instance took the run over;
     * {@code next} is the run's position after it. The train score is the batch's mean score, which the step
     * entry keeps as its loss. A step of this instance's own is recorded in the run by the transaction that applies
     * it (behind the run's next model calls, after the run's first step); one found again is not.
     */
    Trained train(RunWork work, RunPosition at, RunPosition next) {
        String key = work.stepKey(at);
        if (work.resuming) {
            work.session = null; // the instance before may have changed it
            work.lastStep = null;
            var earlier = keys.settled(work, key);
            if (earlier.isPresent()) {
                return trained(at, earlier.get().number(), earlier.get().loss(), false);
            }
            sessions.clearGrad(work.sessionId);
            work.resuming = false;
        }
        List<Integer> indices = work.command.spec().batchOrder().batch(at.epoch(), at.batch());
        List<RunItem> items = indices.stream().map(work.command.spec().train()::get).toList();
        RunSteps.RunStep last = work.lastStep;
        // A step on the optimizer the last one left need not wait for the batch's writes; one that reads the session does.
        Graded graded = last != null ? gradients(work, items, indices) : stored(work, () -> gradients(work, items, indices));
        work.checkpoint();
        var loss = new Loss(graded.loss().score(), graded.loss().explanation());
        var end = keepers.stepEnd(work, at, next);
        RunSteps.RunStep step;
        try {
            step = last != null
                    ? steps.stepAhead(work.sessionId, work.runId, last, graded.session(), graded.gradients(), loss, key, end, work.writes,
                            s -> keys.step(work, s))
                    : keys.step(work, () -> steps.step(work.sessionId, work.runId, loss, key, end));
        } catch (RuntimeException e) {
            throw RunFailedException.of("step", e, f -> null);
        }
        var outcome = step.outcome();
        if (outcome.replayed()) {
            sessions.clearGrad(work.sessionId); // the step that was found again did not clear what this batch appended
            work.session = null;
            work.lastStep = null;
        } else {
            work.session = graded.session().stepped(outcome.step(), outcome.params(), outcome.usage());
            work.lastStep = step;
        }
        return trained(at, outcome.step(), outcome.loss(), !outcome.replayed());
    }

    /** A batch's loss, the session as its backward left it (its usage counted, in memory), and the grads it appended. */
    private record Graded(BatchLoss loss, CallSession session, List<TraceGradient> gradients) {
    }

    /** Forward, evaluate and backward of a batch's items, each storing what it made behind the next one's calls. */
    private Graded gradients(RunWork work, List<RunItem> items, List<Integer> indices) {
        var forward = forward(work, items, "train", indices);
        var evaluated = evaluate(work, forward, items, "train", indices);
        work.checkpoint();
        List<BackwardCommand.TraceScore> traces = forward.outcome().traces().stream()
                .map(t -> new BackwardCommand.TraceScore(t.id().toString(), null, null)).toList();
        var backward = work.command.backward();
        BackwardOutcome outcome;
        try {
            outcome = backwards.backward(work.sessionId, evaluated.found(),
                    new BackwardCommand(traces, backward.modelClient(), backward.completionArgs(), backward.messages()), keepers.costs(work),
                    work.writes);
        } catch (RuntimeException e) {
            throw RunFailedException.of("backward", e, f -> itemOf(f.traceId(), forward.outcome(), "train", indices));
        }
        return new Graded(evaluated.outcome().loss(), evaluated.found().session().spending(outcome.usage()), outcome.gradients());
    }

    /**
     * Runs {@code work} and returns once the run's writes behind its model calls ({@link WritesBehind}) are all
     * stored, the step's before it too; a failed write fails the run as its operation would have.
     */
    private <T> T stored(RunWork work, Supplier<T> operations) {
        try {
            T result = operations.get();
            work.writes.settle();
            return result;
        } catch (WritesBehind.Failed failed) {
            throw RunFailedException.of(failed.operation(), failed.getCause(), f -> null);
        } catch (RuntimeException e) {
            work.writes.settleQuietly();
            throw e;
        }
    }

    /** Waits until the run's writes are stored (a step's end goes on behind the next calls): before the run records its end. */
    void settle(RunWork work) {
        stored(work, () -> null);
    }

    static Trained trained(RunPosition at, int number, Loss loss, boolean recorded) {
        double score = ((Number) Objects.requireNonNull(loss, "a run's step keeps the batch's score as its loss").score()).doubleValue();
        return new Trained(new StoredRun.RunStep(number, at.epoch(), at.batch(), score), recorded);
    }

    /** The mean score of the validation set with the parameters as they are, in requests of at most max-batch-size items. */
    double validate(RunWork work) {
        List<RunItem> items = work.command.spec().validation();
        double sum = stored(work, () -> {
            double scores = 0;
            for (int from = 0; from < items.size(); from += limits.maxBatchSize()) {
                List<Integer> indices = IntStream.range(from, Math.min(items.size(), from + limits.maxBatchSize())).boxed().toList();
                List<RunItem> chunk = indices.stream().map(items::get).toList();
                var evaluated = evaluate(work, forward(work, chunk, "validation", indices), chunk, "validation", indices);
                work.session = evaluated.found().session();
                scores += evaluated.outcome().loss().score() * chunk.size();
            }
            return scores;
        });
        return Math.max(0, Math.min(1, sum / items.size()));
    }

    /** With the session as the run's operation before left it, if it did (else read). */
    private ForwardService.Done forward(RunWork work, List<RunItem> items, String dataset, List<Integer> indices) {
        work.checkpoint();
        var forward = work.command.forward();
        try {
            return forwards.forward(work.sessionId, work.session, new ForwardCommand(forward.messages(),
                    items.stream().map(RunItem::inputs).toList(), forward.modelClient(), forward.completionArgs()), keepers.costs(work),
                    work.writes);
        } catch (RuntimeException e) {
            throw RunFailedException.of("forward", e, f -> f.index() == null ? null : dataset + "[" + indices.get(f.index()) + "]");
        }
    }

    /** Of the traces the batch's forward stored, taken with its session as it left them rather than read again. */
    private EvaluateService.Done evaluate(RunWork work, ForwardService.Done forward, List<RunItem> items, String dataset, List<Integer> indices) {
        work.checkpoint();
        List<String> traces = forward.outcome().traces().stream().map(t -> t.id().toString()).toList();
        try {
            return evaluations.evaluate(work.sessionId, forward.found(), new EvaluateCommand(traces, withTargets(work.command.evaluator(), items)),
                    keepers.costs(work), work.writes);
        } catch (RuntimeException e) {
            throw RunFailedException.of("evaluate", e, f -> f.index() != null ? dataset + "[" + indices.get(f.index()) + "]"
                    : itemOf(f.traceId(), forward.outcome(), dataset, indices));
        }
    }

    /** The run's evaluator with the items' targets; none when the items have none (an evaluator that takes them optionally). */
    private static EvaluateCommand.Evaluator withTargets(EvaluateCommand.Evaluator evaluator, List<RunItem> items) {
        List<String> targets = items.stream().allMatch(i -> i.target() == null) ? null : items.stream().map(RunItem::target).toList();
        if (evaluator instanceof EvaluateCommand.ExactMatch exact) {
            return new EvaluateCommand.ExactMatch(targets, exact.caseSensitive(), exact.trim());
        }
        if (evaluator instanceof EvaluateCommand.LlmJudge judge) {
            return new EvaluateCommand.LlmJudge(judge.criteria(), targets, judge.modelClient(), judge.completionArgs(), judge.messages());
        }
        return new EvaluateCommand.Http(((EvaluateCommand.Http) evaluator).url(), targets);
    }

    /** The dataset item a trace of the batch was made for. */
    private static String itemOf(String traceId, ForwardOutcome forward, String dataset, List<Integer> indices) {
        for (int i = 0; i < forward.traces().size(); i++) {
            if (forward.traces().get(i).id().toString().equals(traceId)) {
                return dataset + "[" + indices.get(i) + "]";
            }
        }
        return null;
    }
}
