package dev.textopt.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The threads training runs work on, at most {@code textopt.training.max-concurrent-runs} per instance: a run
 * created here starts here; every {@code textopt.training.run-poll-interval} each instance takes over the
 * active runs whose lease is free or ran out (their instance died, or shut down and let go). On shutdown
 * every run finishes the step it is making and lets go of its lease; the threads' pool waits for that, up to
 * the shutdown grace period.
 */
@Component
class RunWorkers {

    private static final Logger log = LoggerFactory.getLogger(RunWorkers.class);

    private final RunLoop loop;
    private final RunLeasePort leases;
    private final LeaseKeeper keeper;
    private final TenantContext tenants;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Executor threads;
    private final Spans spans;
    private final int maxRuns;
    private final AtomicInteger working = new AtomicInteger();
    private volatile boolean stopping;

    RunWorkers(RunLoop loop, RunLeasePort leases, LeaseKeeper keeper, TenantContext tenants, TransactionTemplate tx, Clock clock,
            @Qualifier("trainingRuns") Executor threads, TrainingSettings settings, Spans spans) {
        this.loop = loop;
        this.leases = leases;
        this.keeper = keeper;
        this.tenants = tenants;
        this.tx = tx;
        this.clock = clock;
        this.threads = threads;
        this.spans = spans;
        this.maxRuns = settings.maxConcurrentRuns();
    }

    /** Starts a run created in the current transaction once it commits: before, its loop would not find it. */
    void startAfterCommit(RunLeasePort.Claimed run, String owner) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start(run, owner);
                }
            });
        } else {
            start(run, owner);
        }
    }

    @Scheduled(fixedDelayString = "${textopt.training.run-poll-interval:5s}", initialDelayString = "${textopt.training.run-poll-interval:5s}")
    void takeOver() {
        while (!stopping && working.get() < maxRuns) {
            String owner = keeper.newOwner();
            Instant now = clock.instant();
            List<RunLeasePort.Claimed> claimed = tx.execute(s -> leases.claimFree(owner, now, now.plus(keeper.timeout()), 1));
            if (claimed == null || claimed.isEmpty()) {
                return;
            }
            log.info("Taking over training run {}", claimed.get(0).runId());
            start(claimed.get(0), owner);
        }
    }

    /** Shutdown begins: runs stop at their next check point, after the step in flight. */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    /**
     * On a thread of its own, acting for the run's tenant, in the trace of the request that created it (a run taken
     * over starts a trace of its own); with no thread free, the lease is let go for any instance to take.
     */
    private void start(RunLeasePort.Claimed run, String owner) {
        if (stopping || working.incrementAndGet() > maxRuns) {
            working.decrementAndGet();
            letGo(run, owner);
            return;
        }
        try {
            threads.execute(() -> {
                try {
                    spans.around(Spans.RUN, run.sessionId(), () -> tenants.actingFor(run.tenant(), () -> loop.run(run, owner, () -> stopping)));
                } finally {
                    working.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            working.decrementAndGet();
            letGo(run, owner);
        }
    }

    private void letGo(RunLeasePort.Claimed run, String owner) {
        tx.executeWithoutResult(s -> leases.release(run.runId(), owner));
    }
}
