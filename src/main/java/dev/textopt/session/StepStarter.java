package dev.textopt.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first of a step's three parts: in one short transaction, take the session's lease, record the
 * running step (with the request's {@code Idempotency-Key}) and keep a snapshot of the session to run on.
 */
@Component
class StepStarter {

    /** What a step request found: a step of its own to run, or the one an earlier request with its key ran. */
    sealed interface Begun permits Started, Earlier {
    }

    /**
     * A step of its own: the snapshot it runs on, its history number, the lease it holds, and the
     * parameters it calls the model for, as far as it can tell before a closure answers; the training run it is a
     * step of (null: none), which counts what it spends.
     */
    record Started(StoredSession session, int number, String leaseOwner, Instant startedAt, int total, UUID run) implements Begun {
    }

    record Earlier(StepRecord entry) implements Begun {
    }

    private final LoadSessionPort sessions;
    private final StepLeasePort leases;
    private final RecordHistoryPort history;
    private final LoadHistoryPort pastEntries;
    private final LeaseKeeper keeper;
    private final TgdFactory factory;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Limits limits;
    private final RunGuard runs;
    private final EventLog events;
    private final AbandonedSteps abandonedSteps;

    StepStarter(LoadSessionPort sessions, StepLeasePort leases, RecordHistoryPort history, LoadHistoryPort pastEntries,
            LeaseKeeper keeper, TgdFactory factory, TransactionTemplate tx, Clock clock, Limits limits, RunGuard runs,
            EventLog events, AbandonedSteps abandonedSteps) {
        this.sessions = sessions;
        this.leases = leases;
        this.history = history;
        this.pastEntries = pastEntries;
        this.keeper = keeper;
        this.factory = factory;
        this.tx = tx;
        this.clock = clock;
        this.limits = limits;
        this.runs = runs;
        this.events = events;
        this.abandonedSteps = abandonedSteps;
    }

    /**
     * A key that already started a step on this session (a retry whose first attempt's answer was lost with
     * its instance) starts none: a succeeded step is answered again, a running one is "in progress"; only a
     * step that failed (or was abandoned by its dead instance once its lease ran out) is run anew. While a
     * training run is active, only its own steps ({@code asRun}) start.
     */
    Begun start(UUID id, boolean withClosure, String idempotencyKey, UUID asRun) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a step must not run inside a transaction: it would hold it through its model calls");
        }
        String owner = keeper.newOwner();
        return tx.execute(status -> {
            StoredSession session = sessions.findToStep(id).orElseThrow(() -> new SessionNotFoundException(id));
            Instant now = clock.instant();
            // Before taking the lease: afterwards this session's lease is ours and unexpired, so the entry
            // left running by a dead holder of the lease we are taking over would not match. And before
            // looking for the key's step, which is failed, not running, once its dead instance's lease ran out.
            var swept = history.failAbandonedStepsAndFindKey(now, id, idempotencyKey);
            abandonedSteps.failed(swept.abandoned());
            var earlier = swept.keyUsed() ? pastEntries.stepStartedBy(id, idempotencyKey) : Optional.<StepRecord>empty();
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
            int number = leases.claimLease(id, owner, now, now.plus(keeper.timeout()))
                    .orElseThrow(() -> new StepRunningException(id, "another step"));
            int total = (int) session.params().stream().filter(p -> calls(p, withClosure)).count();
            var entry = new StepRecord(number, StepRecord.Kind.STEP, StepRecord.Status.RUNNING, now, null, null, total, 0, null, null,
                    Map.of(), List.of(), List.of());
            // The session row is locked now: no run starts before this commits.
            if (!history.insertStepUnlessRunActive(id, entry, idempotencyKey, asRun)) {
                runs.refuse(id, asRun, "a step"); // names the run; if it ended meanwhile, the step goes ahead
                history.insert(id, entry, idempotencyKey);
            }
            // Last, so that the tenant's starts wait for each other only for a count and a commit (100 sessions
            // stepped at once queue here, BENCHMARKS.md benchmark 10); a refusal rolls back the claim above.
            // The count includes this step's own claim.
            limits.stepsInFlight(leases.lockAndCountRunningSteps(now) - 1);
            events.stepStarted(id, number, total, asRun);
            return new Started(session, number, owner, now, total, asRun);
        });
    }

    /** Whether the step calls the model for the parameter (with a closure: if the closure gives it feedback). */
    private static boolean calls(StoredParam param, boolean withClosure) {
        return param.requiresGrad() && (withClosure || !param.grad().isEmpty());
    }

    /** A step that would call a client without its key fails before it starts: 503, saying what to set. */
    private void requireUsableClients(StoredSession session, boolean withClosure) {
        for (StoredGroup group : session.groups()) {
            String name = String.valueOf(group.options().get("model_client"));
            if (group.params().stream().anyMatch(p -> calls(p, withClosure))) {
                var client = factory.clients().find(name)
                        .orElseThrow(() -> new ModelClientUnavailableException(name, "no such client is configured any more"));
                client.missingConfiguration().ifPresent(todo -> {
                    throw new ModelClientUnavailableException(name, todo);
                });
            }
        }
    }
}
