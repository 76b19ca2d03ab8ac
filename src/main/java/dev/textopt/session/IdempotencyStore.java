package dev.textopt.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Where first answers to idempotent POSTs are kept, and who is answering a key meanwhile. Runs in the
 * caller's transaction. Every change to a claimed key names its owner, so that a request whose claim
 * was taken over (it stalled past its lease) changes nothing any more.
 */
public interface IdempotencyStore {

    /** A request's hold on a key: the tenant's key and the request that answers it. */
    record Claim(String tenant, String key, String owner) {
    }

    /** A stored request: its hash and, once answered, the answer; until then, until when its claim holds. */
    record Entry(String requestHash, StoredAnswer answer, Instant expiresAt, Instant claimExpiresAt) {
    }

    /** Claims a key nobody holds (or whose answer expired); false if it is taken. */
    boolean claim(Claim claim, String requestHash, Instant now, Instant claimExpiresAt, Instant expiresAt);

    /**
     * Takes over an unanswered claim whose lease ran out, in one statement, so that of two retries one
     * gets it; false if the claim is live, answered or already taken over.
     */
    boolean takeOver(Claim claim, Instant now, Instant claimExpiresAt);

    /** Extends the claim while its owner still holds it. */
    boolean renew(Claim claim, Instant claimExpiresAt);

    Optional<Entry> find(String tenant, String key);

    /** Keeps the answer, from now until {@code expiresAt}, if the owner still holds the claim; false if not. */
    boolean complete(Claim claim, StoredAnswer answer, Instant expiresAt);

    /** Forgets an unanswered key the owner still holds, so that a retry runs again. */
    void release(Claim claim);

    int deleteExpired(Instant now);
}
