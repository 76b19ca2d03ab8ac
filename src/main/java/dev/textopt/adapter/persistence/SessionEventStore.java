package dev.textopt.adapter.persistence;

import dev.textopt.session.EventType;
import dev.textopt.session.ReadEventsPort;
import dev.textopt.session.RecordEventPort;
import dev.textopt.session.SessionEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Session events in plain SQL, like the other writes of a step's transactions ({@link HistoryWrites}). One
 * statement appends: it takes the session's advisory lock (held to the commit, so that the session's ids are
 * given out in commit order and a reader that saw id n never misses a smaller one committed later), copies
 * the session's tenant, queues a delivery for each of the tenant's webhooks that wants the event (the outbox,
 * {@link JdbcWebhooks}), and a NOTIFY, which PostgreSQL delivers at the commit, or never.
 */
@Repository
class SessionEventStore implements RecordEventPort, ReadEventsPort {

    /** The advisory lock class of event appends: the first key of {@code pg_advisory_xact_lock(int, int)}. */
    private static final int EVENT_LOCKS = 0x7e0e;

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final EventNotifications notifications;
    private final Clock clock;
    private final DeferredWrites deferred;

    SessionEventStore(JdbcClient jdbc, JsonColumns json, EventNotifications notifications, Clock clock, DeferredWrites deferred) {
        this.jdbc = jdbc;
        this.deferred = deferred;
        this.json = json;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Sent with the transaction's other deferred writes just before it commits, last in it ({@link DeferredWrites}):
     * a run's step ended with two events, each a round trip of its own (BENCHMARKS.md, 14).
     */
    @Override
    public void append(UUID sessionId, EventType type, Map<String, Object> data) {
        deferred.add("""
                WITH locked AS (SELECT pg_advisory_xact_lock(?, hashtext(?)) AS done),
                     added AS (INSERT INTO session_event (session_id, tenant, type, data, created_at)
                               SELECT s.id, s.tenant, ?, CAST(? AS jsonb), ? FROM optimizer_session s, locked WHERE s.id = ?
                               RETURNING id, session_id, tenant, type, data, created_at),
                     queued AS (INSERT INTO webhook_delivery (webhook_id, event_id, event_type, payload, created_at, next_attempt_at)
                               SELECT w.id, a.id, a.type, CAST(jsonb_build_object('id', a.id, 'type', a.type,
                                      'timestamp', a.created_at, 'session_id', a.session_id, 'data', a.data) AS text),
                                      a.created_at, a.created_at
                                 FROM added a JOIN webhook w ON w.tenant = a.tenant AND a.type = ANY (w.events))
                SELECT CAST(pg_notify(?, CAST(session_id AS text)) AS text) FROM added""",
                EVENT_LOCKS, sessionId.toString(), type.wire(), json.write(data), Timestamp.from(clock.instant()), sessionId,
                EventNotifications.CHANNEL);
    }

    @Override
    public List<SessionEvent> after(String tenant, UUID sessionId, long afterId, int max) {
        return jdbc.sql("""
                SELECT id, type, CAST(data AS text) AS data, created_at FROM session_event
                 WHERE session_id = ? AND tenant = ? AND id > ? ORDER BY id LIMIT ?""")
                .params(sessionId, tenant, afterId, max)
                .query((rs, n) -> new SessionEvent(rs.getLong("id"), sessionId, rs.getString("type"), json.readMap(rs.getString("data")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public long latest(UUID sessionId) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM session_event WHERE session_id = ?").param(sessionId).query(Long.class).single();
    }

    @Override
    public void onAppended(Consumer<UUID> listener) {
        notifications.listen(listener);
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM session_event WHERE created_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
