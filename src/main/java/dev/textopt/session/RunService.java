package dev.textopt.session;

import dev.textopt.optim.run.RunPosition;
import dev.textopt.optim.run.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training runs: afnio's {@code Trainer} as a job a client hands off and polls. Creating one checks it as the
 * single operations would, stores it queued with this instance's lease on it, and starts its loop here once
 * the run is committed; should this instance die, any instance takes the run over ({@link RunWorkers}).
 */
@Service
public class RunService {

    private final LoadSessionPort sessions;
    private final LoadCallSessionPort checked;
    private final LockSessionPort locks;
    private final CreateRunPort creation;
    private final LoadRunPort runs;
    private final RecordRunPort progress;
    private final RunChecks checks;
    private final RunGuard guard;
    private final RunWorkers workers;
    private final LeaseKeeper keeper;
    private final TransactionTemplate tx;
    private final TenantContext tenants;
    private final Clock clock;
    private final EventLog events;

    RunService(LoadSessionPort sessions, LoadCallSessionPort checked, LockSessionPort locks, CreateRunPort creation, LoadRunPort runs,
            RecordRunPort progress, RunChecks checks, RunGuard guard, RunWorkers workers, LeaseKeeper keeper, TransactionTemplate tx,
            TenantContext tenants, Clock clock, EventLog events) {
        this.sessions = sessions;
        this.checked = checked;
        this.locks = locks;
        this.creation = creation;
        this.runs = runs;
        this.progress = progress;
        this.checks = checks;
        this.guard = guard;
        this.workers = workers;
        this.keeper = keeper;
        this.tx = tx;
        this.tenants = tenants;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A new run, queued. Refused (409) while a step runs or another run is active on the session; the checks
     * that call no model (and resolve an http evaluator's host) come first, outside the session's lock.
     */
    public StoredRun create(UUID id, NewRun request) {
        RunCommand command = checks.check(tx.execute(s -> checked.find(id).orElseThrow(() -> new SessionNotFoundException(id))), request);
        String owner = keeper.newOwner();
        StoredRun run = tx.execute(s -> {
            StoredSession session = locks.lock(id).orElseThrow(() -> new SessionNotFoundException(id));
            SessionEdits.refuseWhileStepping(session, "starting a run");
            guard.refuse(id, null, "starting another run");
            Instant now = clock.instant();
            var created = new StoredRun(UUID.randomUUID(), id, RunStatus.QUEUED, session.historyCount(),
                    command.spec().schedule().totalSteps(), RunPosition.START, List.of(), List.of(), null, Map.of(), false, now, null);
            creation.insert(created, command, owner, now.plus(keeper.timeout()));
            return created;
        });
        workers.startAfterCommit(new RunLeasePort.Claimed(run.id(), id, tenants.current()), owner);
        return run;
    }

    public StoredRun get(UUID id, UUID runId) {
        return runs.findOwn(id, runId).orElseThrow(() -> {
            get(id); // which of the two is not there: the session (of the tenant's), or the run
            return new RunNotFoundException(id, runId);
        });
    }

    /** The session's runs, newest first. */
    public PageOf<StoredRun> list(UUID id, int page, int size) {
        return tx.execute(s -> {
            get(id);
            return runs.page(id, page, size);
        });
    }

    /**
     * Stops a run: a queued one at once, a running one after the call in flight (its loop looks before every
     * call of a batch). A run that has ended is answered as it is.
     */
    public StoredRun cancel(UUID id, UUID runId) {
        return tx.execute(s -> {
            get(id);
            StoredRun before = runs.find(id, runId).orElseThrow(() -> new RunNotFoundException(id, runId));
            progress.requestCancel(runId, clock.instant());
            StoredRun after = runs.find(id, runId).orElseThrow();
            if (before.status().active() && after.status() == RunStatus.CANCELLED) { // a queued run, cancelled at once
                events.runEnded(id, runId, RunStatus.CANCELLED, null);
            }
            return after;
        });
    }

    /** The session is the tenant's: its version alone says so (a run's page is polled while it trains, BENCHMARKS.md 8). */
    private void get(UUID id) {
        if (sessions.version(id).isEmpty()) {
            throw new SessionNotFoundException(id);
        }
    }
}
