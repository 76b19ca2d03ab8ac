package dev.textopt.adapter.persistence;

import dev.textopt.session.IdempotencyStore;
import dev.textopt.session.StoredAnswer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys with plain SQL, safe across instances: a claim is one INSERT … ON CONFLICT, a
 * take-over one UPDATE whose WHERE a concurrent take-over re-checks after waiting for the row lock.
 */
@Repository
class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcClient jdbc;

    JdbcIdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key whose answer expired (but was not cleaned up yet) is claimed afresh. */
    @Override
    public boolean claim(Claim claim, String requestHash, Instant now, Instant claimExpiresAt, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO idempotency_key AS k (tenant, key, request_hash, owner, claim_expires_at, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, owner = EXCLUDED.owner,
                       claim_expires_at = EXCLUDED.claim_expires_at, created_at = EXCLUDED.created_at,
                       expires_at = EXCLUDED.expires_at, status = NULL, content_type = NULL, location = NULL, body = NULL
                 WHERE k.expires_at < ?""")
                .params(claim.tenant(), claim.key(), requestHash, claim.owner(), ts(claimExpiresAt), ts(now), ts(expiresAt), ts(now))
                .update() == 1;
    }

    @Override
    public boolean takeOver(Claim claim, Instant now, Instant claimExpiresAt) {
        return jdbc.sql("""
                UPDATE idempotency_key SET owner = ?, claim_expires_at = ?
                 WHERE tenant = ? AND key = ? AND status IS NULL AND claim_expires_at < ?""")
                .params(claim.owner(), ts(claimExpiresAt), claim.tenant(), claim.key(), ts(now)).update() == 1;
    }

    @Override
    public boolean renew(Claim claim, Instant claimExpiresAt) {
        return jdbc.sql("UPDATE idempotency_key SET claim_expires_at = ? WHERE tenant = ? AND key = ? AND owner = ? AND status IS NULL")
                .params(ts(claimExpiresAt), claim.tenant(), claim.key(), claim.owner()).update() == 1;
    }

    @Override
    public Optional<Entry> find(String tenant, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, content_type, location, body, expires_at, claim_expires_at
                  FROM idempotency_key WHERE tenant = ? AND key = ?""")
                .params(tenant, key)
                .query((rs, n) -> {
                    int status = rs.getInt("status");
                    StoredAnswer answer = rs.wasNull() ? null
                            : new StoredAnswer(status, rs.getString("content_type"), rs.getString("location"), rs.getBytes("body"));
                    Timestamp claimExpires = rs.getTimestamp("claim_expires_at");
                    return new Entry(rs.getString("request_hash"), answer, rs.getTimestamp("expires_at").toInstant(),
                            claimExpires == null ? Instant.EPOCH : claimExpires.toInstant());
                }).optional();
    }

    @Override
    public boolean complete(Claim claim, StoredAnswer answer, Instant expiresAt) {
        return jdbc.sql("""
                UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ?, expires_at = ?, claim_expires_at = NULL
                 WHERE tenant = ? AND key = ? AND owner = ? AND status IS NULL""")
                .params(answer.status(), answer.contentType(), answer.location(), answer.body(), ts(expiresAt),
                        claim.tenant(), claim.key(), claim.owner()).update() == 1;
    }

    @Override
    public void release(Claim claim) {
        jdbc.sql("DELETE FROM idempotency_key WHERE tenant = ? AND key = ? AND owner = ? AND status IS NULL")
                .params(claim.tenant(), claim.key(), claim.owner()).update();
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < ?").params(ts(now)).update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
