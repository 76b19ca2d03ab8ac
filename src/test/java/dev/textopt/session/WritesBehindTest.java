package dev.textopt.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A run's writes behind its calls: in order, each after the one before has finished, and a failure stops the rest but their token counts. */
class WritesBehindTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<String> done = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void eachWriteStartsAfterTheOneBeforeItHasFinishedAndSettleWaitsForAll() throws Exception {
        var writes = new WritesBehind(threads);
        var release = new CompletableFuture<Void>();
        writes.add("forward", () -> {
            release.join();
            done.add("forward");
        }, () -> done.add("forward tokens"));
        writes.add("evaluate", () -> done.add("evaluate"), () -> done.add("evaluate tokens"));

        Thread.sleep(100);
        assertThat(done).as("evaluate's write waits for forward's, which is held").isEmpty();
        release.complete(null);
        writes.settle();

        assertThat(done).containsExactly("forward", "evaluate");
    }

    @Test
    void aWriteAfterAFailedOneOnlyCountsItsTokensAndSettleThrowsTheFirstFailure() {
        var writes = new WritesBehind(threads);
        var gone = new SessionNotFoundException(UUID.randomUUID());
        writes.add("forward", () -> {
            throw gone;
        }, () -> done.add("forward tokens"));
        writes.add("evaluate", () -> done.add("evaluate"), () -> done.add("evaluate tokens"));
        writes.add("backward", () -> done.add("backward"), () -> done.add("backward tokens"));

        assertThatThrownBy(writes::settle).isInstanceOfSatisfying(WritesBehind.Failed.class, failed -> {
            assertThat(failed.operation()).isEqualTo("forward");
            assertThat(failed.getCause()).isSameAs(gone);
        });
        assertThat(done).as("the failed write counted its own tokens in its transaction's stead (TrainingTransactions)")
                .containsExactly("evaluate tokens", "backward tokens");
    }

    @Test
    @Timeout(10)
    void aCheckPointThrowsAFailureAlreadyKnownButWaitsForNoWrite() {
        var writes = new WritesBehind(threads);
        var release = new CompletableFuture<Void>();
        writes.add("step", () -> {
            release.join();
            throw new IllegalStateException("the step's start failed");
        }, () -> done.add("step tokens"));

        writes.throwIfFailed(); // the failing write is still held: nothing known yet, and no wait
        release.complete(null);

        assertThatThrownBy(() -> {
            while (true) { // until the failure is known
                writes.throwIfFailed();
                Thread.onSpinWait();
            }
        }).isInstanceOfSatisfying(WritesBehind.Failed.class, failed -> assertThat(failed.operation()).isEqualTo("step"));
    }

    @Test
    void withNoThreadToBeHadTheWriteIsDoneAtOnce() {
        threads.shutdown();
        var writes = new WritesBehind(threads);

        writes.add("forward", () -> done.add("forward"), () -> done.add("forward tokens"));

        assertThat(done).containsExactly("forward");
        writes.settle();
    }
}
