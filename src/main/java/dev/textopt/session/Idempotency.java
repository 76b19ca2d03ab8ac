package dev.textopt.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} on POSTs: the first request with a key runs; a retry with the same key and
 * body gets the first answer again without anything being done twice; the same key with another body
 * is refused. Keys are kept for {@code textopt.idempotency.ttl}.
 */
@Service
public class Idempotency {

    /** What to do with a request that carries a key. */
    public sealed interface Decision permits Proceed, Replay, Mismatch, InProgress {
    }

    public record Proceed() implements Decision {
    }

    public record Replay(StoredAnswer answer) implements Decision {
    }

    public record Mismatch() implements Decision {
    }

    public record InProgress() implements Decision {
    }

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration ttl;

    Idempotency(IdempotencyStore store, Clock clock, @Value("${textopt.idempotency.ttl:24h}") Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Transactional
    public Decision begin(String tenant, String key, String requestHash) {
        Instant now = clock.instant();
        if (store.claim(tenant, key, requestHash, now, now.plus(ttl))) {
            return new Proceed();
        }
        var entry = store.find(tenant, key).orElse(null);
        if (entry == null || entry.expiresAt().isBefore(now)) {
            store.release(tenant, key);
            return store.claim(tenant, key, requestHash, now, now.plus(ttl)) ? new Proceed() : new InProgress();
        }
        if (!entry.requestHash().equals(requestHash)) {
            return new Mismatch();
        }
        return entry.answer() == null ? new InProgress() : new Replay(entry.answer());
    }

    /** Keeps the answer for retries. */
    @Transactional
    public void complete(String tenant, String key, StoredAnswer answer) {
        store.complete(tenant, key, answer);
    }

    /** Forgets the key, so that a retry runs again (used when the first attempt failed on our side). */
    @Transactional
    public void release(String tenant, String key) {
        store.release(tenant, key);
    }

    @Scheduled(fixedDelayString = "${textopt.idempotency.cleanup-interval:1h}")
    @Transactional
    public void deleteExpired() {
        store.deleteExpired(clock.instant());
    }
}
