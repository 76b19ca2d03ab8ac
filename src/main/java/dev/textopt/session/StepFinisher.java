package dev.textopt.session;

import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.ParamOutcome;
import dev.textopt.optim.StepResult;
import dev.textopt.optim.Tgd;
import dev.textopt.optim.Usage;
import dev.textopt.session.StepRecord.StepFailure;
import dev.textopt.session.StepStarter.Started;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last of a step's three parts: in one short transaction, apply a succeeded step's values, momentum,
 * usage and history entry and let go of the lease; or record why it failed, and what it cost, and change
 * nothing else. Either only while the lease is still the step's own.
 */
@Component
class StepFinisher {

    private static final Logger log = LoggerFactory.getLogger(StepFinisher.class);

    private final ApplyStepPort apply;
    private final RecordHistoryPort history;
    private final StepLeasePort leases;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final StepMetrics metrics;
    private final EventLog events;

    StepFinisher(ApplyStepPort apply, RecordHistoryPort history, StepLeasePort leases, TransactionTemplate tx,
            Clock clock, StepMetrics metrics, EventLog events) {
        this.apply = apply;
        this.history = history;
        this.leases = leases;
        this.tx = tx;
        this.clock = clock;
        this.metrics = metrics;
        this.events = events;
    }

    /**
     * Applies a succeeded step, handing its outcome to {@code keeper} in the same transaction; records a failed
     * one (telling {@code keeper} what it spent) and throws what the client is answered.
     */
    StepOutcome finish(Started started, Tgd tgd, StepResult result, ProgressRecorder progress, AnswerKeeper<StepOutcome> keeper) {
        if (result instanceof StepResult.Failed failed) {
            throw failed(started, failed, progress, keeper);
        }
        Success success = succeeded(started, changes(tgd, (StepResult.Applied) result));
        save(success, keeper);
        return success.outcome();
    }

    /**
     * What a succeeded step changes, taken from the optimizer as soon as its calls have answered (a run's next step
     * changes the optimizer again while this one's write may still wait behind the run's calls): the new values, the
     * momentum buffers and the history's records per parameter.
     */
    record Changes(StepResult.Applied applied, Map<UUID, String> values, Map<UUID, List<MomentumEntry>> buffers,
            List<StepParamRecord> records) {
    }

    Changes changes(Tgd tgd, StepResult.Applied applied) {
        var values = new LinkedHashMap<UUID, String>();
        var buffers = new LinkedHashMap<UUID, List<MomentumEntry>>();
        var records = new ArrayList<StepParamRecord>();
        for (ParamOutcome outcome : applied.params()) {
            if (outcome instanceof ParamOutcome.Updated updated) {
                UUID paramId = UUID.fromString(updated.id());
                values.put(paramId, updated.data());
                var state = tgd.state().get(updated.id());
                buffers.put(paramId, state == null ? List.of() : List.copyOf(state.momentumBuffer()));
                records.add(new StepParamRecord(paramId, "updated", null, updated.previousData(), updated.data(), updated.gradsUsed()));
            } else if (outcome instanceof ParamOutcome.Skipped skipped) {
                records.add(new StepParamRecord(UUID.fromString(skipped.id()), "skipped", skipped.reason(), null, null, List.of()));
            }
        }
        return new Changes(applied, values, buffers, records);
    }

    /** A succeeded step ready to be saved ({@link #save}): its outcome, ended now, and its changes. */
    record Success(Started started, StepOutcome outcome, Instant at, Changes changes) {
    }

    Success succeeded(Started started, Changes changes) {
        Instant now = clock.instant();
        long durationMs = Duration.between(started.startedAt(), now).toMillis();
        var applied = changes.applied();
        return new Success(started, new StepOutcome(started.number(), applied.loss(), applied.params(), applied.usage(), durationMs, false),
                now, changes);
    }

    /**
     * Applies a succeeded step's values, momentum, usage and history entry, handing its outcome to {@code keeper} in
     * the same transaction; if the step lost its lease, counts only its usage and throws (the step failed).
     */
    void save(Success success, AnswerKeeper<StepOutcome> keeper) {
        Started started = success.started();
        UUID id = started.session().id();
        var outcome = success.outcome();
        Boolean saved = tx.execute(status -> {
            if (!released(started, success.at(), true, outcome.usage())) {
                apply.addUsage(id, outcome.usage(), started.run()); // its values are not applied, but its tokens were spent
                keeper.failed(outcome.usage());
                return false;
            }
            var changes = success.changes();
            apply.setParamValuesAndMomentum(changes.values(), changes.buffers());
            history.finish(id, new StepRecord(started.number(), StepRecord.Kind.STEP, StepRecord.Status.SUCCEEDED,
                    started.startedAt(), success.at(), outcome.durationMs(), changes.values().size(), changes.values().size(), null,
                    outcome.loss(), outcome.usage(), List.of(), changes.records()));
            events.stepSucceeded(id, started.number(), changes.values().size(), outcome.durationMs());
            keeper.keep(outcome); // after the step's event: a run's progress event follows its step's
            return true;
        });
        if (!Boolean.TRUE.equals(saved)) {
            throw leaseLost(started);
        }
        metrics.stepFinished("succeeded", Duration.ofMillis(outcome.durationMs()), outcome.usage());
        log.info("Step {} of session {} succeeded in {} ms: {} parameter(s) updated", started.number(), id, outcome.durationMs(),
                success.changes().values().size());
    }

    /** Model calls failed: 402 if the budget stopped them, else 502 (504 if every one timed out). */
    RuntimeException failed(Started started, StepResult.Failed failed, ProgressRecorder progress, AnswerKeeper<?> keeper) {
        var failures = failed.failures().stream().map(f -> StepFailure.of(f.paramId(), f.cause())).toList();
        fail(started, progress, failures, failed.usage(), keeper);
        if (failed.failures().stream().anyMatch(f -> f.cause() instanceof ModelCallException.BudgetReached)) {
            BigDecimal spent = started.session().spent().add(Usage.knownCost(failed.usage()));
            return BudgetExhaustedException.duringStep(spent, started.session().budget(), started.number(), failures);
        }
        boolean timedOut = failed.failures().stream().allMatch(f -> f.cause() instanceof ModelCallException.Timeout);
        return new StepFailedException(started.number(), failures.size() + " parameter update(s) failed; no parameter changed",
                failures, timedOut);
    }

    /** The closure failed: recorded, and returned as what the client is answered (502). */
    StepFailedException closureFailed(Started started, ProgressRecorder progress, ClosureEndpoint.ClosureFailedException e) {
        var failure = new StepFailure(null, "closure_failed", e.getMessage(), null);
        fail(started, progress, List.of(failure), Map.of(), AnswerKeeper.none());
        return new StepFailedException(started.number(), "the closure failed: " + e.getMessage(), List.of(failure), false);
    }

    /** The step stopped before it had a result, by a bug: recorded, so that the session is free again. */
    void stoppedUnexpectedly(Started started, ProgressRecorder progress) {
        stoppedUnexpectedly(started, progress, Map.of(), AnswerKeeper.none());
    }

    /** {@link #stoppedUnexpectedly} after calls that cost {@code usage}, which is counted and told to {@code keeper}. */
    void stoppedUnexpectedly(Started started, ProgressRecorder progress, Map<String, Usage> usage, AnswerKeeper<?> keeper) {
        fail(started, progress, List.of(new StepFailure(null, "internal_error", "the step stopped unexpectedly; nothing was applied", null)),
                usage, keeper);
    }

    /**
     * Only what a step's calls cost, on the session and its run, and by {@link AnswerKeeper#failed}: a run's step
     * whose start could not be recorded (it went on behind the calls) changes nothing else.
     */
    void countOnly(UUID sessionId, UUID run, Map<String, Usage> usage, AnswerKeeper<?> keeper) {
        tx.executeWithoutResult(status -> {
            apply.addUsage(sessionId, usage, run);
            keeper.failed(usage);
        });
    }

    /** A failed step still records what it cost, how far it got and why it failed; no parameter or momentum changes. */
    private void fail(Started started, ProgressRecorder progress, List<StepFailure> failures, Map<String, Usage> usage,
            AnswerKeeper<?> keeper) {
        UUID id = started.session().id();
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            boolean held = released(started, now, false, usage);
            if (!held) {
                apply.addUsage(id, usage, started.run()); // spent all the same, even when the step lost its lease
            }
            keeper.failed(usage);
            if (held) { // otherwise the step that took over owns the session and already marked this entry failed
                long durationMs = Duration.between(started.startedAt(), now).toMillis();
                history.finish(id, new StepRecord(started.number(), StepRecord.Kind.STEP, StepRecord.Status.FAILED, started.startedAt(),
                        now, durationMs, progress.total(), progress.done(), null, null, usage, failures, List.of()));
                events.stepFailed(id, started.number(), failures);
            }
        });
        metrics.stepFinished("failed", Duration.between(started.startedAt(), now), usage);
        log.info("Step {} of session {} failed: {}", started.number(), id, failures.stream().map(StepFailure::reason).distinct().toList());
    }

    /**
     * Fencing: a step writes its outcome only while the lease is still its own. A step whose lease ran
     * out (its instance stalled, or lost the database, for longer than the lease timeout) may have been
     * taken over by another step, which marked it abandoned; it must then write nothing. The release, with
     * what the step spent, is the transaction's first statement and holds the session row's lock to its
     * commit, so a take-over cannot slip in between; one round trip where a renewal first and a release at
     * the end were two (BENCHMARKS.md, 13).
     */
    private boolean released(Started started, Instant now, boolean succeeded, Map<String, Usage> usage) {
        if (leases.releaseLease(started.session().id(), started.leaseOwner(), now, succeeded, usage, started.run())) {
            return true;
        }
        log.warn("Step {} of session {} lost its lease to another step before it could save; nothing of it was applied",
                started.number(), started.session().id());
        return false;
    }

    private static StepFailedException leaseLost(Started started) {
        var failure = new StepFailure(null, "abandoned",
                "the step's lease ran out and another step took over the session before this one finished; nothing was applied", null);
        return new StepFailedException(started.number(), failure.detail(), List.of(failure), false);
    }
}
