package dev.textopt.adapter.persistence;

import dev.textopt.session.DeliverWebhooksPort;
import dev.textopt.session.EventType;
import dev.textopt.session.PageOf;
import dev.textopt.session.StoreWebhooksPort;
import dev.textopt.session.Webhook;
import dev.textopt.session.WebhookDelivery;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhooks and their outbox in plain SQL, like {@link RunProgress}: a claim is a race between instances that
 * one UPDATE over a SKIP LOCKED select decides. No secret is stored: the dispatcher derives it from the webhook's id.
 */
@Repository
class JdbcWebhooks implements StoreWebhooksPort, DeliverWebhooksPort {

    private static final String SHOWN = "id, url, events, description, created_at";

    private final JdbcClient jdbc;

    JdbcWebhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(String tenant, Webhook webhook) {
        jdbc.sql("INSERT INTO webhook (id, tenant, url, events, description, created_at) VALUES (?, ?, ?, CAST(? AS text[]), ?, ?)")
                .params(webhook.id(), tenant, webhook.url().toString(), textArray(webhook.events()), webhook.description(),
                        ts(webhook.createdAt()))
                .update();
    }

    @Override
    public Optional<Webhook> find(String tenant, UUID id) {
        return jdbc.sql("SELECT " + SHOWN + " FROM webhook WHERE tenant = ? AND id = ?").params(tenant, id).query(JdbcWebhooks::webhook)
                .optional();
    }

    @Override
    public PageOf<Webhook> page(String tenant, int page, int size) {
        var items = jdbc.sql("SELECT " + SHOWN + " FROM webhook WHERE tenant = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(tenant, size, (long) page * size).query(JdbcWebhooks::webhook).list();
        long total = jdbc.sql("SELECT count(*) FROM webhook WHERE tenant = ?").param(tenant).query(Long.class).single();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    public boolean delete(String tenant, UUID id) {
        return jdbc.sql("DELETE FROM webhook WHERE tenant = ? AND id = ?").params(tenant, id).update() == 1;
    }

    @Override
    public PageOf<WebhookDelivery> deliveries(String tenant, UUID id, int page, int size) {
        var items = jdbc.sql("""
                SELECT d.* FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                 WHERE w.tenant = ? AND w.id = ? ORDER BY d.event_id DESC LIMIT ? OFFSET ?""")
                .params(tenant, id, size, (long) page * size).query(JdbcWebhooks::delivery).list();
        long total = jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ?").param(id).query(Long.class).single();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    public List<Due> claim(Instant now, Instant claimedUntil, int max) {
        return jdbc.sql("""
                UPDATE webhook_delivery d SET next_attempt_at = ?, attempts = d.attempts + 1
                  FROM webhook w
                 WHERE w.id = d.webhook_id AND d.id IN (
                       SELECT id FROM webhook_delivery WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.webhook_id, w.url, d.event_id, d.payload, d.attempts, d.created_at""")
                .params(ts(claimedUntil), ts(now), max)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getObject("webhook_id", UUID.class), URI.create(rs.getString("url")),
                        "evt_" + rs.getLong("event_id"), rs.getString("payload"), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public void delivered(long id, int status, Instant at) {
        jdbc.sql("UPDATE webhook_delivery SET last_status = ?, last_error = NULL, next_attempt_at = NULL, delivered_at = ? WHERE id = ?")
                .params(status, ts(at), id).update();
    }

    @Override
    public void failed(long id, Integer status, String error, Instant nextAttemptAt) {
        jdbc.sql("UPDATE webhook_delivery SET last_status = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND delivered_at IS NULL")
                .params(status, error, nextAttemptAt == null ? null : ts(nextAttemptAt), id).update();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM webhook_delivery WHERE next_attempt_at IS NULL AND created_at < ?").param(ts(cutoff)).update();
    }

    private static Webhook webhook(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        var types = Arrays.stream((String[]) events.getArray()).map(name -> EventType.ofWire(name).orElseThrow()).toList();
        return new Webhook(rs.getObject("id", UUID.class), URI.create(rs.getString("url")), types, rs.getString("description"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(rs.getLong("event_id"), rs.getString("event_type"), rs.getInt("attempts"),
                (Integer) rs.getObject("last_status"), rs.getString("last_error"), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("delivered_at")), rs.getTimestamp("created_at").toInstant());
    }

    /** A PostgreSQL array literal of event names, which are plain dotted words: nothing to quote. */
    private static String textArray(List<EventType> events) {
        return "{" + String.join(",", events.stream().map(EventType::wire).toList()) + "}";
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
