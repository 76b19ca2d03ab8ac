package dev.textopt.adapter.persistence;

import dev.textopt.session.EventType;
import dev.textopt.session.ReadEventsPort;
import dev.textopt.session.RecordEventPort;
import dev.textopt.session.SessionEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    SessionEventStore(JdbcClient jdbc, JsonColumns json, EventNotifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * In a transaction, the event waits for its commit: all of a transaction's events are written in one statement
     * just before it commits, last in it, so that a step's end and its run's progress are one round trip, not two
     * (BENCHMARKS.md, 14). Without one, it is written at once.
     */
    @Override
    public void append(UUID sessionId, EventType type, Map<String, Object> data) {
        var event = new Pending(sessionId.toString(), type.wire(), json.write(data), clock.instant().toString());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(event));
            return;
        }
        var pending = (PendingEvents) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingEvents();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.events.add(event);
    }

    private record Pending(String sessionId, String type, String data, String createdAt) {
    }

    /** A transaction's events, written before it commits; forgotten if it rolls back. */
    private final class PendingEvents implements TransactionSynchronization {

        final List<Pending> events = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            write(events);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(SessionEventStore.this);
        }
    }

    /** In order, each session's advisory lock taken before any of its events gets its id. */
    private void write(List<Pending> events) {
        jdbc.sql("""
                WITH e AS (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
                                 WITH ORDINALITY AS e(session_id, type, data, created_at, position)),
                     locked AS (SELECT count(pg_advisory_xact_lock(?, hashtext(session_id))) AS done
                                  FROM (SELECT DISTINCT session_id FROM e ORDER BY session_id) d),
                     added AS (INSERT INTO session_event (session_id, tenant, type, data, created_at)
                               SELECT s.id, s.tenant, e.type, CAST(e.data AS jsonb), CAST(e.created_at AS timestamptz)
                                 FROM e JOIN optimizer_session s ON s.id = CAST(e.session_id AS uuid), locked ORDER BY e.position
                               RETURNING id, session_id, tenant, type, data, created_at),
                     queued AS (INSERT INTO webhook_delivery (webhook_id, event_id, event_type, payload, created_at, next_attempt_at)
                               SELECT w.id, a.id, a.type, CAST(jsonb_build_object('id', a.id, 'type', a.type,
                                      'timestamp', a.created_at, 'session_id', a.session_id, 'data', a.data) AS text),
                                      a.created_at, a.created_at
                                 FROM added a JOIN webhook w ON w.tenant = a.tenant AND a.type = ANY (w.events))
                SELECT CAST(pg_notify(?, CAST(session_id AS text)) AS text) FROM (SELECT DISTINCT session_id FROM added) n""")
                .params(events.stream().map(Pending::sessionId).toArray(String[]::new), events.stream().map(Pending::type).toArray(String[]::new),
                        events.stream().map(Pending::data).toArray(String[]::new), events.stream().map(Pending::createdAt).toArray(String[]::new),
                        EVENT_LOCKS, EventNotifications.CHANNEL)
                .query(String.class).list();
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
