package dev.textopt.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs model calls at the same time on an executor (the last of them on the calling thread), at most
 * {@code maxInFlight} at once: a step's updates, a forward pass's items, a judge's or a backward pass's calls. The permit is taken by the submitting
 * thread, so waiting calls queue here instead of occupying executor threads. Every call gets an outcome;
 * none is lost to an exception. One instance bounds one batch of calls.
 */
public final class ConcurrentCalls {

    /** A call's value, or the reason it failed. */
    public record Outcome<T>(T value, ModelCallException failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private final Semaphore permits;
    private final Executor executor;

    public ConcurrentCalls(int maxInFlight, Executor executor) {
        this.permits = new Semaphore(maxInFlight);
        this.executor = executor;
    }

    /** The outcomes in the order of {@code calls}. */
    public <T> List<Outcome<T>> runAll(List<? extends Supplier<? extends T>> calls) {
        return runAll(calls, (index, ok) -> { });
    }

    /** The outcomes in the order of {@code calls}; {@code finished} hears (index, ok) as each call ends. */
    public <T> List<Outcome<T>> runAll(List<? extends Supplier<? extends T>> calls, BiConsumer<Integer, Boolean> finished) {
        List<CompletableFuture<Outcome<T>>> futures = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Supplier<? extends T> call = calls.get(i);
            int index = i;
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.add(CompletableFuture.completedFuture(
                        new Outcome<>(null, new ModelCallException.Timeout("interrupted before this call started"))));
                continue;
            }
            if (index == calls.size() - 1) {
                // The last call runs on this thread, which would only wait otherwise: no hand-off to wake a thread
                // for, and a lone call (a step of one parameter) is not handed off at all (BENCHMARKS.md, 14).
                futures.add(CompletableFuture.completedFuture(runOne(call, index, finished)));
                continue;
            }
            try {
                futures.add(CompletableFuture.supplyAsync(() -> runOne(call, index, finished), executor));
            } catch (RejectedExecutionException e) {
                permits.release();
                futures.add(CompletableFuture.completedFuture(new Outcome<>(null,
                        new ModelCallException.ProviderError("no thread to run the call: " + e.getMessage(), null))));
            }
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private <T> Outcome<T> runOne(Supplier<? extends T> call, int index, BiConsumer<Integer, Boolean> finished) {
        Outcome<T> outcome;
        try {
            outcome = new Outcome<>(call.get(), null);
        } catch (ModelCallException e) {
            outcome = new Outcome<>(null, e);
        } catch (RuntimeException e) {
            // An adapter bug must not leave a batch half-applied; report it like a provider failure.
            outcome = new Outcome<>(null, new ModelCallException.ProviderError("unexpected error: " + e, null));
        } finally {
            permits.release();
        }
        try {
            finished.accept(index, outcome.ok());
        } catch (RuntimeException ignored) {
            // Progress reporting is best effort and must not change the batch's outcome.
        }
        return outcome;
    }
}
