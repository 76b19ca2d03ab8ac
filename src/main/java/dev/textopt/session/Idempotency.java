package dev.textopt.session;

import dev.textopt.session.IdempotencyStore.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} on POSTs: the first request with a key runs; a retry with the same key and
 * body gets the first answer again without anything being done twice; the same key with another body
 * is refused. Keys are kept for {@code textopt.idempotency.ttl}.
 *
 * <p>Exactly once through crashes: the request answering a key holds a claim that lapses after
 * {@code textopt.idempotency.in-progress-timeout} unless renewed, so a retry takes over the key of a
 * request whose instance died. The work a lapsed claim may have done is never done twice: a request
 * whose effect is one transaction keeps its answer in that transaction (the retry replays it, or finds
 * nothing done), and a step keeps its key on its history entry (the retry finds the step).
 */
@Service
public class Idempotency {

    private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

    /** What to do with a request that carries a key. */
    public sealed interface Decision permits Proceed, Replay, Mismatch, InProgress {
    }

    /** Run the request: it holds the key's claim. */
    public record Proceed(Claim claim) implements Decision {
    }

    public record Replay(StoredAnswer answer) implements Decision {
    }

    public record Mismatch() implements Decision {
    }

    public record InProgress() implements Decision {
    }

    /** The rest of a request that holds a claim, as the web adapter runs it: returns its answer, not yet sent. */
    @FunctionalInterface
    public interface Request {
        StoredAnswer run() throws Exception;
    }

    private final IdempotencyStore store;
    private final LeaseKeeper leases;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration ttl;
    private final Duration claimTimeout;

    Idempotency(IdempotencyStore store, LeaseKeeper leases, TransactionTemplate tx, Clock clock, IdempotencySettings settings,
            StepSettings steps) {
        this.store = store;
        this.leases = leases;
        this.tx = tx;
        this.clock = clock;
        this.ttl = settings.ttl();
        this.claimTimeout = settings.inProgressTimeout(steps);
    }

    @Transactional
    public Decision begin(String tenant, String key, String requestHash) {
        Instant now = clock.instant();
        var claim = new Claim(tenant, key, leases.newOwner());
        if (store.claim(claim, requestHash, now, now.plus(claimTimeout), now.plus(ttl))) {
            return new Proceed(claim);
        }
        var entry = store.find(tenant, key).orElse(null);
        if (entry == null) { // its first request failed and let go of it while this one looked
            return store.claim(claim, requestHash, now, now.plus(claimTimeout), now.plus(ttl)) ? new Proceed(claim) : new InProgress();
        }
        if (!entry.requestHash().equals(requestHash)) {
            return new Mismatch();
        }
        if (entry.answer() != null) {
            return new Replay(entry.answer());
        }
        if (!entry.claimExpiresAt().isBefore(now)) {
            return new InProgress();
        }
        if (store.takeOver(claim, now, now.plus(claimTimeout))) {
            log.info("Took over an Idempotency-Key whose request stopped renewing its claim (its instance stopped or stalled)");
            return new Proceed(claim);
        }
        // Another retry took it over, or its first request answered, while this one looked.
        var answer = store.find(tenant, key).map(IdempotencyStore.Entry::answer).orElse(null);
        return answer == null ? new InProgress() : new Replay(answer);
    }

    /**
     * Runs {@code request}, which holds {@code claim}, renewing the claim while it runs, and keeps its
     * answer for retries. With {@code answerWithEffect} the request runs in one transaction that also keeps
     * its answer, so that its effect and its answer are committed together or not at all (an error answer
     * rolls the effect back and is kept on its own). Without, the request owns its transactions (a step,
     * which keeps its key on its history entry) and the answer is kept after it.
     *
     * @return false if the claim was taken over before the answer was kept: the effect was rolled back,
     *     and the retry that took the key over does the work and answers
     */
    public boolean answer(Claim claim, boolean answerWithEffect, Request request) throws Exception {
        try (var heartbeat = leases.keep("a claim on an Idempotency-Key", claimTimeout,
                () -> store.renew(claim, clock.instant().plus(claimTimeout)))) {
            return answerWithEffect ? inOneTransaction(claim, request) : thenKeep(claim, request);
        }
    }

    private boolean inOneTransaction(Claim claim, Request request) throws Exception {
        var answer = new AtomicReference<StoredAnswer>();
        Boolean kept;
        try {
            kept = tx.execute(status -> {
                answer.set(unchecked(request));
                if (answer.get().status() >= 400) {
                    status.setRollbackOnly(); // an error changes nothing, whatever a use case left half done
                    return null;
                }
                if (store.complete(claim, answer.get(), clock.instant().plus(ttl))) {
                    return true;
                }
                status.setRollbackOnly(); // a retry took the key over: its attempt does the work, this one nothing
                return false;
            });
        } catch (RuntimeException e) {
            Exception cause = e instanceof RequestFailed failed ? (Exception) failed.getCause() : e;
            releaseAfter(claim, cause);
            throw cause;
        }
        if (kept == null) {
            keep(claim, answer.get());
            return true;
        }
        return kept;
    }

    private boolean thenKeep(Claim claim, Request request) throws Exception {
        StoredAnswer answer;
        try {
            answer = request.run();
        } catch (Exception e) {
            releaseAfter(claim, e);
            throw e;
        }
        keep(claim, answer);
        return true;
    }

    /**
     * Keeps the answer, or lets go of the key when the answer asks the client to retry later (409, 429,
     * 5xx), so that the retry runs again. Best effort: if this fails, the claim lapses and the retry finds
     * the effect (by the key on it) or nothing done.
     */
    private void keep(Claim claim, StoredAnswer answer) {
        try {
            tx.executeWithoutResult(s -> {
                if (keeps(answer.status())) {
                    store.complete(claim, answer, clock.instant().plus(ttl));
                } else {
                    store.release(claim);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not keep the answer to an Idempotency-Key ({}); its claim lapses after {}", e.getClass().getSimpleName(),
                    claimTimeout);
        }
    }

    /**
     * Keeps {@code answer} as the one to the claimed key, inside the caller's transaction: the one that stores
     * the request's effect (see {@link AnswerKeeper}), so that both are committed together or neither is.
     * Throws, undoing the effect, if the claim was taken over meanwhile: the attempt that took it does the work.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void keepWithEffect(Claim claim, StoredAnswer answer) {
        if (!store.complete(claim, answer, clock.instant().plus(ttl))) {
            throw new RequestInProgressException("another attempt with this Idempotency-Key took it over while this one ran "
                    + "(this one stalled); that attempt answers it, retry in a moment");
        }
    }

    static boolean keeps(int status) {
        return status < 500 && status != 409 && status != 429;
    }

    private void releaseAfter(Claim claim, Exception failure) {
        try {
            tx.executeWithoutResult(s -> store.release(claim));
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the claim lapses on its own
        }
    }

    private static StoredAnswer unchecked(Request request) {
        try {
            return request.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RequestFailed(e);
        }
    }

    /** Carries a checked exception of the request out of the transaction callback, which rolls back on it. */
    private static final class RequestFailed extends RuntimeException {
        RequestFailed(Exception cause) {
            super(cause);
        }
    }

    @Scheduled(fixedDelayString = "${textopt.idempotency.cleanup-interval:1h}")
    @Transactional
    public void deleteExpired() {
        store.deleteExpired(clock.instant());
    }
}
