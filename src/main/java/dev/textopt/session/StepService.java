package dev.textopt.session;

import dev.textopt.optim.Allowance;
import dev.textopt.optim.Closure;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.ParamOutcome;
import dev.textopt.optim.StepResult;
import dev.textopt.optim.Tgd;
import dev.textopt.session.StepRecord.StepFailure;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One optimization step, in three parts so that no transaction or connection is held while a model
 * is thinking: (1) take the session's lease and a snapshot, (2) run the closure and the core's step
 * with the database released, (3) apply the result, history and usage in one short transaction.
 */
@Service
public class StepService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StepService.class);

    private final SessionStore store;
    private final TgdFactory factory;
    private final StepClosures closures;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LeaseKeeper leases;
    private final java.util.concurrent.Executor background;
    private final StepMetrics metrics;
    private final Limits limits;

    StepService(SessionStore store, TgdFactory factory, StepClosures closures,
            TransactionTemplate tx, Clock clock, LeaseKeeper leases,
            @org.springframework.beans.factory.annotation.Qualifier("backgroundSteps") java.util.concurrent.Executor background,
            StepMetrics metrics, Limits limits) {
        this.store = store;
        this.factory = factory;
        this.closures = closures;
        this.tx = tx;
        this.clock = clock;
        this.leases = leases;
        this.background = background;
        this.metrics = metrics;
        this.limits = limits;
    }

    /**
     * Runs a step to its end. {@code closureUrl} may be null; so may {@code idempotencyKey}, the key of
     * the request: a step that an earlier request with it started is not run again (see {@link #start}).
     */
    public StepOutcome step(UUID id, String closureUrl, String idempotencyKey) {
        URI closure = closureUrl == null ? null : closures.check(closureUrl);
        Begun begun = start(id, closure != null, idempotencyKey);
        return begun instanceof Earlier earlier ? StepOutcome.replayOf(earlier.entry()) : run((Started) begun, closure);
    }

    /**
     * Starts a step and returns its number at once; the step runs on in the background (and goes on
     * if the client disconnects). Its history entry shows {@code running} with progress, then the result.
     */
    public StepStart stepAsync(UUID id, String closureUrl, String idempotencyKey) {
        URI closure = closureUrl == null ? null : closures.check(closureUrl);
        Begun begun = start(id, closure != null, idempotencyKey);
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

    /** What a step request found: a step of its own to run, or the one an earlier request with its key ran. */
    private sealed interface Begun permits Started, Earlier {
    }

    private record Started(StoredSession session, int number, String leaseOwner, Instant startedAt) implements Begun {
    }

    private record Earlier(StepRecord entry) implements Begun {
    }

    /**
     * Takes the session's lease and records the running step, with the request's key. A key that already
     * started a step on this session (a retry whose first attempt's answer was lost with its instance)
     * starts none: a succeeded step is answered again, a running one is "in progress"; only a step that
     * failed (or was abandoned by its dead instance once its lease ran out) is run anew.
     */
    private Begun start(UUID id, boolean withClosure, String idempotencyKey) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a step must not run inside a transaction: it would hold it through its model calls");
        }
        String owner = leases.newOwner();
        return tx.execute(status -> {
            StoredSession session = store.find(id).orElseThrow(() -> new SessionNotFoundException(id));
            Instant now = clock.instant();
            // Before taking the lease: afterwards this session's lease is ours and unexpired, so the entry
            // left running by a dead holder of the lease we are taking over would not match. And before
            // looking for the key's step, which is failed, not running, once its dead instance's lease ran out.
            store.failAbandonedSteps(now);
            var earlier = idempotencyKey == null ? Optional.<StepRecord>empty() : store.stepStartedBy(id, idempotencyKey);
            if (earlier.isPresent()) {
                if (earlier.get().status() == StepRecord.Status.RUNNING) {
                    throw new RequestInProgressException(earlier.get().number());
                }
                return new Earlier(earlier.get());
            }
            requireUsableClients(session, withClosure);
            if (session.budget() != null && session.spent().compareTo(session.budget().amount()) >= 0) {
                throw new BudgetExhaustedException(session.spent(), session.budget());
            }
            store.lockTenantStepStarts();
            limits.stepsInFlight(store.countRunningSteps(now));
            int number = store.claimLease(id, owner, now, now.plus(leases.timeout()))
                    .orElseThrow(() -> new StepRunningException(id, "another step"));
            int total = (int) session.params().stream().filter(p -> p.requiresGrad() && (withClosure || !p.grad().isEmpty())).count();
            store.insertHistory(id, new StepRecord(number, StepRecord.Kind.STEP, StepRecord.Status.RUNNING, now, null, null,
                    total, 0, null, null, Map.of(), List.of(), List.of()), idempotencyKey);
            return new Started(session, number, owner, now);
        });
    }

    /** A step that would call a client without its key fails before it starts: 503, saying what to set. */
    private void requireUsableClients(StoredSession session, boolean withClosure) {
        for (StoredGroup group : session.groups()) {
            boolean calls = group.params().stream().anyMatch(p -> p.requiresGrad() && (withClosure || !p.grad().isEmpty()));
            String name = String.valueOf(group.options().get("model_client"));
            if (calls) {
                var client = factory.clients().find(name)
                        .orElseThrow(() -> new ModelClientUnavailableException(name, "no such client is configured any more"));
                client.missingConfiguration().ifPresent(todo -> {
                    throw new ModelClientUnavailableException(name, todo);
                });
            }
        }
    }

    private StepOutcome run(Started started, URI closureUrl) {
        UUID id = started.session().id();
        Tgd tgd = factory.restore(started.session());
        try (var heartbeat = leases.keep(id, started.leaseOwner())) {
            Closure closure = closureUrl == null ? null : closures.of(closureUrl, id, started.number());
            Budget budget = started.session().budget();
            StepResult result = tgd.step(closure, new ProgressRecorder(store, tx, id, started.number()),
                    budget == null ? Allowance.UNLIMITED : Allowance.of(budget.amount(), started.session().spent()));
            return finish(started, tgd, result);
        } catch (ClosureEndpoint.ClosureFailedException e) {
            fail(started, List.of(new StepFailure(null, "closure_failed", e.getMessage(), null)), Map.of());
            throw new StepFailedException(started.number(), "the closure failed: " + e.getMessage(),
                    List.of(new StepFailure(null, "closure_failed", e.getMessage(), null)), false);
        } catch (RuntimeException e) {
            if (!(e instanceof StepFailedException)) {
                fail(started, List.of(new StepFailure(null, "internal_error", "the step stopped unexpectedly; nothing was applied", null)), Map.of());
            }
            throw e;
        }
    }

    private StepOutcome finish(Started started, Tgd tgd, StepResult result) {
        UUID id = started.session().id();
        Instant now = clock.instant();
        long durationMs = Duration.between(started.startedAt(), now).toMillis();
        if (result instanceof StepResult.Failed failed) {
            var failures = failed.failures().stream().map(f -> StepFailure.of(f.paramId(), f.cause())).toList();
            fail(started, failures, failed.usage());
            if (failed.failures().stream().anyMatch(f -> f.cause() instanceof ModelCallException.BudgetReached)) {
                BigDecimal spent = started.session().spent().add(dev.textopt.optim.Usage.knownCost(failed.usage()));
                throw BudgetExhaustedException.duringStep(spent, started.session().budget(), started.number(), failures);
            }
            boolean timedOut = failed.failures().stream().allMatch(f -> f.cause() instanceof ModelCallException.Timeout);
            throw new StepFailedException(started.number(), failures.size() + " parameter update(s) failed; no parameter changed",
                    failures, timedOut);
        }
        var applied = (StepResult.Applied) result;
        var values = new LinkedHashMap<UUID, String>();
        var buffers = new LinkedHashMap<UUID, List<MomentumEntry>>();
        var records = new ArrayList<StepParamRecord>();
        for (ParamOutcome outcome : applied.params()) {
            if (outcome instanceof ParamOutcome.Updated updated) {
                UUID paramId = UUID.fromString(updated.id());
                values.put(paramId, updated.data());
                var state = tgd.state().get(updated.id());
                buffers.put(paramId, state == null ? List.of() : state.momentumBuffer());
                records.add(new StepParamRecord(paramId, "updated", null, updated.previousData(), updated.data(), updated.gradsUsed()));
            } else if (outcome instanceof ParamOutcome.Skipped skipped) {
                records.add(new StepParamRecord(UUID.fromString(skipped.id()), "skipped", skipped.reason(), null, null, List.of()));
            }
        }
        Boolean saved = tx.execute(status -> {
            if (!stillHolds(started, now)) {
                store.addUsage(id, applied.usage()); // its values are not applied, but its tokens were spent
                return false;
            }
            store.setParamValuesAndMomentum(values, buffers);
            store.addUsage(id, applied.usage());
            store.finishHistory(id, new StepRecord(started.number(), StepRecord.Kind.STEP, StepRecord.Status.SUCCEEDED,
                    started.startedAt(), now, durationMs, records.size(), records.size(), null, applied.loss(), applied.usage(),
                    List.of(), records));
            store.releaseLease(id, started.leaseOwner(), now, true);
            return true;
        });
        if (!Boolean.TRUE.equals(saved)) {
            throw leaseLost(started);
        }
        metrics.stepFinished("succeeded", Duration.ofMillis(durationMs), applied.usage());
        return new StepOutcome(started.number(), applied.loss(), applied.params(), applied.usage(), durationMs, false);
    }

    /** A failed step still records what it cost and why it failed; no parameter or momentum changes. */
    private void fail(Started started, List<StepFailure> failures, Map<String, dev.textopt.optim.Usage> usage) {
        UUID id = started.session().id();
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            if (!stillHolds(started, now)) {
                store.addUsage(id, usage); // spent all the same; everything else belongs to the step that took over
                return; // the step that took over owns the session and already marked this entry failed
            }
            store.addUsage(id, usage);
            store.finishHistory(id, new StepRecord(started.number(), StepRecord.Kind.STEP, StepRecord.Status.FAILED,
                    started.startedAt(), now, Duration.between(started.startedAt(), now).toMillis(), 0, 0, null, null, usage,
                    failures, List.of()));
            store.releaseLease(id, started.leaseOwner(), now, false);
        });
        metrics.stepFinished("failed", Duration.between(started.startedAt(), now), usage);
    }

    /**
     * Fencing: a step writes its outcome only while the lease is still its own. A step whose lease ran
     * out (its instance stalled, or lost the database, for longer than the lease timeout) may have been
     * taken over by another step, which marked it abandoned; it must then write nothing. Renewing takes
     * the session row's lock, so a take-over cannot slip in before this transaction commits.
     */
    private boolean stillHolds(Started started, Instant now) {
        if (store.renewLease(started.session().id(), started.leaseOwner(), now.plus(leases.timeout()))) {
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
