package dev.textopt.session;

import dev.textopt.config.StepProperties;
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
 * Keeps a running step's lease alive. The lease expires after {@code textopt.step.lease-timeout}
 * unless renewed, so a step whose instance died frees its session; a live step renews it every third
 * of that time, however long its model calls take.
 */
@Component
class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final SessionStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration timeout;
    private final String instance = UUID.randomUUID().toString();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lease-keeper");
        thread.setDaemon(true);
        return thread;
    });

    LeaseKeeper(SessionStore store, TransactionTemplate tx, Clock clock, StepProperties properties) {
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.timeout = properties.leaseTimeout();
    }

    Duration timeout() {
        return timeout;
    }

    /** A lease owner: this instance plus a step-unique part. */
    String newOwner() {
        return instance + "/" + UUID.randomUUID();
    }

    /** Renews the lease until the returned handle is closed. */
    Heartbeat keep(UUID sessionId, String owner) {
        long period = Math.max(1, timeout.toMillis() / 3);
        ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(() -> {
            try {
                tx.executeWithoutResult(s -> store.renewLease(sessionId, owner, clock.instant().plus(timeout)));
            } catch (RuntimeException e) {
                log.warn("Could not renew the step lease of session {}: {}", sessionId, e.getClass().getSimpleName());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }
}
