package dev.textopt.session;

import java.time.Instant;
import java.util.Optional;

/** Where first answers to idempotent POSTs are kept. Runs in the caller's transaction. */
public interface IdempotencyStore {

    /** A stored request: its hash and, once answered, the answer. */
    record Entry(String requestHash, StoredAnswer answer, Instant expiresAt) {
    }

    /** Claims the key for a new request; false if it is taken. */
    boolean claim(String tenant, String key, String requestHash, Instant now, Instant expiresAt);

    Optional<Entry> find(String tenant, String key);

    void complete(String tenant, String key, StoredAnswer answer);

    void release(String tenant, String key);

    int deleteExpired(Instant now);
}
