package dev.textopt.session;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps leases alive: a running step's lease on its session, and a request's claim on its
 * {@code Idempotency-Key}. A lease expires after its timeout unless renewed, so that what an instance
 * held when it died is freed; a live holder renews it every third of that time, however long its work
 * takes. One thread renews them all.
 */
@Component
class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final StepLeasePort leases;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration timeout;
    private final String instance = UUID.randomUUID().toString();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lease-keeper");
        thread.setDaemon(true);
        return thread;
    });

    LeaseKeeper(StepLeasePort leases, TransactionTemplate tx, Clock clock, StepSettings settings) {
        this.leases = leases;
        this.tx = tx;
        this.clock = clock;
        this.timeout = settings.leaseTimeout();
    }

    /** The step lease's timeout. */
    Duration timeout() {
        return timeout;
    }

    /** A lease owner: this instance plus a holder-unique part. */
    String newOwner() {
        return instance + "/" + UUID.randomUUID();
    }

    /** Renews the step lease until the returned handle is closed. */
    Heartbeat keep(UUID sessionId, String owner) {
        return keep("the step lease of session " + sessionId, timeout,
                () -> leases.renewLease(sessionId, owner, clock.instant().plus(timeout)));
    }

    /** Runs {@code renew} (in a transaction of its own) every third of {@code leaseTimeout} until the handle is closed. */
    Heartbeat keep(String what, Duration leaseTimeout, Runnable renew) {
        long period = Math.max(1, leaseTimeout.toMillis() / 3);
        ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(() -> {
            try {
                tx.executeWithoutResult(s -> renew.run());
            } catch (RuntimeException e) {
                log.warn("Could not renew {}: {}", what, e.getClass().getSimpleName());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }
}
