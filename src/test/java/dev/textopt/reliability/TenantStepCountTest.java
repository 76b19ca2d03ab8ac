package dev.textopt.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.session.StepLeasePort;
import dev.textopt.session.TenantContext;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's steps in flight are counted under the tenant's step-start lock, in one statement: a start that
 * waited for the lock must count the start that held it and committed meanwhile. A count taken with the
 * snapshot of a statement that began before the wait would miss it, and let the tenant go past its limit.
 */
class TenantStepCountTest extends EndToEndTest {

    @Autowired
    StepLeasePort leases;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TenantContext tenants;

    @Test
    void aStartThatWaitedForTheTenantsLockCountsTheStartThatCommittedMeanwhile() throws Exception {
        String tenant = "count-" + UUID.randomUUID();
        UUID first = session(tenant);
        UUID second = session(tenant);
        Instant now = Instant.now();
        Instant until = now.plus(Duration.ofMinutes(5));
        var firstCounted = new CountDownLatch(1);
        var commitFirst = new CountDownLatch(1);
        try {
            var one = CompletableFuture.supplyAsync(() -> counted(tenant, () -> {
                leases.claimLease(first, "one", now, until).orElseThrow();
                long count = leases.lockAndCountRunningSteps(now);
                firstCounted.countDown();
                await(commitFirst);
                return count;
            }));
            assertThat(firstCounted.await(10, TimeUnit.SECONDS)).isTrue();
            var two = CompletableFuture.supplyAsync(() -> counted(tenant, () -> {
                leases.claimLease(second, "two", now, until).orElseThrow();
                return leases.lockAndCountRunningSteps(now);
            }));
            Instant deadline = Instant.now().plusSeconds(10);
            while (Sql.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 0) {
                assertThat(Instant.now()).as("the second start waits for the tenant's lock").isBefore(deadline);
                Thread.sleep(20);
            }
            assertThat(two).isNotDone();
            commitFirst.countDown();

            assertThat(one.get(10, TimeUnit.SECONDS)).as("its own claim").isEqualTo(1);
            assertThat(two.get(10, TimeUnit.SECONDS)).as("its own claim and the one committed while it waited").isEqualTo(2);
        } finally {
            commitFirst.countDown();
            Sql.update("DELETE FROM optimizer_session WHERE tenant = ?", tenant);
        }
    }

    private long counted(String tenant, LongSupplier work) {
        long[] count = new long[1];
        tenants.actingFor(tenant, () -> count[0] = tx.execute(status -> work.getAsLong()));
        return count[0];
    }

    private static UUID session(String tenant) throws Exception {
        UUID id = UUID.randomUUID();
        Sql.update("INSERT INTO optimizer_session (id, tenant, optimizer, defaults, created_at, updated_at) VALUES (?, ?, 'TGD', '{}', now(), now())",
                id, tenant);
        return id;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
