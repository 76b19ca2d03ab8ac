package dev.textopt.adapter.llm;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.textopt.optim.ModelCallException;

/**
 * Runs one model call with our policy: at most {@code maxConcurrency} attempts in flight (a fair
 * semaphore, released while backing off), retries with exponential backoff and jitter on 429, 408, 5xx
 * and connection failures, honouring {@code Retry-After} up to a cap, and the core's typed failures at
 * the end. The HTTP time limit itself is the SDK's (one attempt); timeouts are not retried, so a call
 * that hangs costs one timeout, not {@code maxRetries + 1} of them.
 */
final class RetryingCaller {

    private static final Logger log = LoggerFactory.getLogger(RetryingCaller.class);

    private final ClientSettings settings;
    private final FailureClassifier classifier;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final ModelMetrics metrics;
    private final Semaphore inFlight;
    private final String endpoint;

    RetryingCaller(ClientSettings settings, FailureClassifier classifier, Sleeper sleeper, DoubleSupplier random,
            ModelMetrics metrics) {
        this.settings = settings;
        this.classifier = classifier;
        this.sleeper = sleeper;
        this.random = random;
        this.metrics = metrics;
        this.inFlight = new Semaphore(settings.maxConcurrency(), true);
        URI uri = URI.create(settings.baseUrl());
        this.endpoint = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    <T> T call(String model, Supplier<T> attempt) {
        int attempts = 0;
        while (true) {
            attempts++;
            Failure failure;
            try {
                return once(attempt);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelCallException.ProviderError(prefix() + "interrupted while waiting", null);
            }
            catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // OkHttp reports an interrupt as an InterruptedIOException; it is not a timeout.
                    throw new ModelCallException.ProviderError(prefix() + "interrupted", null);
                }
                failure = classifier.classify(e);
                if (failure == null) {
                    throw e;
                }
            }
            metrics.failure(model, failure.kind().tag());
            if (!failure.retryable() || attempts > settings.maxRetries()) {
                throw toException(failure, attempts);
            }
            Duration wait = waitBefore(attempts, failure);
            log.debug("model client '{}': attempt {} failed ({}, status {}); retrying in {} ms", settings.name(),
                    attempts, failure.kind().tag(), failure.status(), wait.toMillis());
            try {
                sleeper.sleep(wait);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelCallException.ProviderError(prefix() + "interrupted while backing off", null);
            }
        }
    }

    private <T> T once(Supplier<T> attempt) throws InterruptedException {
        inFlight.acquire();
        try {
            return attempt.get();
        }
        finally {
            inFlight.release();
        }
    }

    /** Retry-After when the provider gave one (capped), else base * 2^(n-1), capped, with equal jitter. */
    Duration waitBefore(int attempt, Failure failure) {
        if (failure.retryAfter() != null) {
            return min(failure.retryAfter(), settings.maxRetryAfter());
        }
        long base = settings.backoffBase().toMillis();
        long exponential = base << Math.min(attempt - 1, 20);
        long capped = Math.min(exponential, settings.backoffMax().toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2)));
    }

    private ModelCallException toException(Failure failure, int attempts) {
        String tries = attempts == 1 ? "" : " after " + attempts + " attempts";
        return switch (failure.kind()) {
            case RATE_LIMITED -> new ModelCallException.RateLimited(
                    prefix() + "rate limited (HTTP 429)" + tries + ": " + failure.reason(), failure.retryAfter());
            case TIMEOUT -> new ModelCallException.Timeout(
                    prefix() + "no answer from " + endpoint + " within " + settings.timeout().toMillis() + " ms");
            case CONNECTION -> new ModelCallException.ProviderError(
                    prefix() + "could not reach " + endpoint + tries + ": " + failure.reason(), null);
            case BAD_REPLY -> new ModelCallException.ProviderError(prefix() + failure.reason(), failure.status());
            case SERVER_ERROR, CLIENT_ERROR -> new ModelCallException.ProviderError(
                    prefix() + "HTTP " + failure.status() + tries + ": " + failure.reason(), failure.status());
        };
    }

    private String prefix() {
        return "model client '" + settings.name() + "' (" + settings.provider().id() + "): ";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
