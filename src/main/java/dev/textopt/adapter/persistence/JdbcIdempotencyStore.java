package dev.textopt.adapter.persistence;

import dev.textopt.session.IdempotencyStore;
import dev.textopt.session.StoredAnswer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Idempotency keys with plain SQL: a claim is one INSERT … ON CONFLICT DO NOTHING, safe across instances. */
@Repository
class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcClient jdbc;

    JdbcIdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String tenant, String key, String requestHash, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO idempotency_key (tenant, key, request_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(tenant, key, requestHash, Timestamp.from(now), Timestamp.from(expiresAt)).update() == 1;
    }

    @Override
    public Optional<Entry> find(String tenant, String key) {
        return jdbc.sql("SELECT request_hash, status, content_type, location, body, expires_at FROM idempotency_key WHERE tenant = ? AND key = ?")
                .params(tenant, key)
                .query((rs, n) -> {
                    int status = rs.getInt("status");
                    StoredAnswer answer = rs.wasNull() ? null
                            : new StoredAnswer(status, rs.getString("content_type"), rs.getString("location"), rs.getBytes("body"));
                    return new Entry(rs.getString("request_hash"), answer, rs.getTimestamp("expires_at").toInstant());
                }).optional();
    }

    @Override
    public void complete(String tenant, String key, StoredAnswer answer) {
        jdbc.sql("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ? WHERE tenant = ? AND key = ?")
                .params(answer.status(), answer.contentType(), answer.location(), answer.body(), tenant, key).update();
    }

    @Override
    public void release(String tenant, String key) {
        jdbc.sql("DELETE FROM idempotency_key WHERE tenant = ? AND key = ?").params(tenant, key).update();
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE expires_at < ?").params(Timestamp.from(now)).update();
    }
}
