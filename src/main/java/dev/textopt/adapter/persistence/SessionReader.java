package dev.textopt.adapter.persistence;

import dev.textopt.optim.Cost;
import dev.textopt.optim.Gradient;
import dev.textopt.optim.TokenUsage;
import dev.textopt.optim.Usage;
import dev.textopt.session.Budget;
import dev.textopt.session.LoadSessionPort;
import dev.textopt.session.PageOf;
import dev.textopt.session.StoredGroup;
import dev.textopt.session.StoredParam;
import dev.textopt.session.StoredSession;
import dev.textopt.session.TenantContext;
import dev.textopt.session.Versioned;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Reads sessions with plain SQL (for one session or a page of them): the session rows, their groups with
 * their parameters and grads in one query, and their usage; rows straight into the session's records. BENCHMARKS.md: every GET of a session or its state dict is this read
 * (benchmark 4, reads: 866 and 720 requests/s), every step starts with it (benchmark 2, overhead per
 * step: through JPA, loading a 32-parameter session took 11.8 ms of the step's start, now 1.4 ms, fix 4),
 * and every gradient append reads its parameter here (benchmark 3, appends).
 */
@Repository
class SessionReader implements LoadSessionPort {

    private static final String SESSION_FIELDS = """
            s.id AS session_id, s.optimizer, s.version, s.step_count, s.history_count, s.defaults, s.created_at, s.updated_at,
            s.lease_owner, s.lease_expires_at, s.budget_amount, s.budget_currency, s.spent""";

    /** A parameter's grad as a JSON array (in order) and its group's options on the group's first row only. */
    private static final String GROUP_FIELDS = """
            pg.id AS group_id, CASE WHEN row_number() OVER (PARTITION BY pg.id ORDER BY p.position) = 1 THEN pg.options END AS options,
            p.id, p.data, p.role, p.requires_grad, %s,
            (SELECT json_agg(json_build_object('data', g.data, 'role', g.role, 'context', g.context) ORDER BY g.id)
               FROM gradient g WHERE g.param_id = p.id) AS grad""";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final Clock clock;
    private final TenantContext tenants;

    SessionReader(JdbcTemplate jdbc, JsonColumns json, Clock clock, TenantContext tenants) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.tenants = tenants;
    }

    @Override
    public Optional<StoredSession> find(UUID id) {
        return one(id, true, true);
    }

    @Override
    public Optional<StoredSession> findToStep(UUID id) {
        return one(id, true, false);
    }

    /** Without the momentum buffers, which no answer about a session shows (the state dict does): they are most of its bytes. */
    @Override
    public Optional<StoredSession> findToShow(UUID id) {
        return one(id, false, true);
    }

    /**
     * The session row with its groups, parameters and grads in one query (its columns repeat on each row): one
     * round trip where two were, at every step's start and every read of a session (BENCHMARKS.md, 14).
     */
    private Optional<StoredSession> one(UUID id, boolean momentum, boolean usage) {
        var found = new ArrayList<StoredSession>(1);
        var groups = new GroupRows(momentum);
        jdbc.query("""
                SELECT %s, %s
                  FROM optimizer_session s LEFT JOIN param_group pg ON pg.session_id = s.id LEFT JOIN parameter p ON p.group_id = pg.id
                 WHERE s.id = ? AND s.tenant = ? ORDER BY pg.position, p.position""".formatted(SESSION_FIELDS, groupFields(momentum)),
                (RowCallbackHandler) rs -> {
                    if (found.isEmpty()) {
                        found.add(sessionRow(rs, 0));
                    }
                    groups.add(rs);
                }, id, tenants.current());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var usageById = usage ? usage(new UUID[] {id}) : Map.<UUID, Map<String, Usage>>of();
        return Optional.of(complete(found.get(0), groups.bySession(), usageById));
    }

    @Override
    public OptionalLong version(UUID id) {
        return jdbc.query("SELECT version FROM optimizer_session WHERE id = ? AND tenant = ?", (rs, n) -> rs.getLong(1),
                id, tenants.current()).stream().mapToLong(Long::longValue).findFirst();
    }

    @Override
    public OptionalLong version(UUID sessionId, UUID paramId) {
        return jdbc.query("""
                SELECT s.version FROM optimizer_session s JOIN parameter p ON p.session_id = s.id
                 WHERE s.id = ? AND s.tenant = ? AND p.id = ?""", (rs, n) -> rs.getLong(1), sessionId, tenants.current(), paramId)
                .stream().mapToLong(Long::longValue).findFirst();
    }

    /**
     * One query, so one snapshot: the session's version, the parameter and its grad (a parameter without
     * gradients is one row with nulls on the gradient's side). The momentum buffer is left out: no answer
     * about one parameter shows it. Before, a query for the parameter and one for its grad.
     */
    @Override
    public Optional<Versioned<StoredParam>> findParam(UUID sessionId, UUID paramId) {
        var grad = new ArrayList<Gradient>();
        var found = new ArrayList<Versioned<StoredParam>>(1);
        jdbc.query("""
                SELECT s.version, p.data, p.role, p.requires_grad, g.data AS g_data, g.role AS g_role, g.context AS g_context
                  FROM optimizer_session s JOIN parameter p ON p.session_id = s.id LEFT JOIN gradient g ON g.param_id = p.id
                 WHERE s.id = ? AND s.tenant = ? AND p.id = ? ORDER BY g.id""", (RowCallbackHandler) rs -> {
            if (found.isEmpty()) {
                found.add(new Versioned<>(new StoredParam(paramId, rs.getString("data"), rs.getString("role"), rs.getBoolean("requires_grad"),
                        List.of(), List.of()), rs.getLong("version")));
            }
            String data = rs.getString("g_data");
            if (data != null) {
                grad.add(new Gradient(data, rs.getString("g_role"), rs.getString("g_context")));
            }
        }, sessionId, tenants.current(), paramId);
        return found.stream().findFirst().map(v -> new Versioned<>(new StoredParam(paramId, v.value().data(), v.value().role(),
                v.value().requiresGrad(), grad, List.of()), v.version()));
    }

    /** Newest first; the page's sessions are read together, in as many queries as one session takes. */
    @Override
    public PageOf<StoredSession> list(int page, int size) {
        String tenant = tenants.current();
        Long total = jdbc.queryForObject("SELECT count(*) FROM optimizer_session WHERE tenant = ?", Long.class, tenant);
        var rows = jdbc.query("SELECT " + SESSION_FIELDS + " FROM optimizer_session s WHERE tenant = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                this::sessionRow, tenant, size, (long) page * size);
        return new PageOf<>(withContent(rows, false, true), page, size, total == null ? 0 : total);
    }

    /** The session row alone; groups and usage are filled in by {@link #withContent}. */
    private StoredSession sessionRow(ResultSet rs, int n) throws SQLException {
        var budget = rs.getBigDecimal("budget_amount");
        Instant leaseExpiresAt = instant(rs.getTimestamp("lease_expires_at"));
        boolean stepRunning = rs.getString("lease_owner") != null && leaseExpiresAt != null && leaseExpiresAt.isAfter(clock.instant());
        return new StoredSession(rs.getObject("session_id", UUID.class), rs.getString("optimizer"), rs.getLong("version"),
                rs.getInt("step_count"), rs.getInt("history_count"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), json.readMap(rs.getString("defaults")), List.of(), Map.of(),
                stepRunning, budget == null ? null : new Budget(budget, rs.getString("budget_currency")), rs.getBigDecimal("spent"));
    }

    private List<StoredSession> withContent(List<StoredSession> sessions, boolean momentum, boolean withUsage) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        var ids = sessions.stream().map(StoredSession::id).toArray(UUID[]::new);
        var groups = new GroupRows(momentum);
        query("""
                SELECT pg.session_id, %s
                  FROM param_group pg LEFT JOIN parameter p ON p.group_id = pg.id
                 WHERE pg.session_id = ANY(?) ORDER BY pg.session_id, pg.position, p.position""".formatted(groupFields(momentum)), ids,
                groups::add);
        var usage = withUsage ? usage(ids) : Map.<UUID, Map<String, Usage>>of();
        return sessions.stream().map(s -> complete(s, groups.bySession(), usage)).toList();
    }

    private static StoredSession complete(StoredSession s, Map<UUID, List<StoredGroup>> groups, Map<UUID, Map<String, Usage>> usage) {
        return new StoredSession(s.id(), s.optimizer(), s.version(), s.stepCount(), s.historyCount(), s.createdAt(), s.updatedAt(),
                s.defaults(), groups.getOrDefault(s.id(), List.of()), usage.getOrDefault(s.id(), Map.of()), s.stepRunning(), s.budget(),
                s.spent());
    }

    private static String groupFields(boolean momentum) {
        return GROUP_FIELDS.formatted(momentum ? "p.momentum_buffer" : "NULL AS momentum_buffer");
    }

    /**
     * Sessions' groups in order, with their parameters in order, each with its grad (and momentum buffer, if
     * asked), from rows of {@link #GROUP_FIELDS} and a session_id: one round trip where groups, parameters and
     * gradients were three (BENCHMARKS.md, 13).
     */
    private final class GroupRows {

        private record Rows(UUID sessionId, Map<String, Object> options, List<StoredParam> params) {
        }

        private final boolean momentum;
        private final Map<Long, Rows> byGroup = new LinkedHashMap<>();

        GroupRows(boolean momentum) {
            this.momentum = momentum;
        }

        void add(ResultSet rs) throws SQLException {
            long groupId = rs.getLong("group_id");
            if (rs.wasNull()) {
                return; // a session without groups
            }
            Rows group = byGroup.get(groupId);
            if (group == null) {
                group = new Rows(rs.getObject("session_id", UUID.class), json.readMap(rs.getString("options")), new ArrayList<>());
                byGroup.put(groupId, group);
            }
            UUID id = rs.getObject("id", UUID.class);
            if (id != null) { // null: a group without parameters
                group.params().add(new StoredParam(id, rs.getString("data"), rs.getString("role"), rs.getBoolean("requires_grad"),
                        json.gradients(rs.getString("grad")), momentum ? json.momentum(rs.getString("momentum_buffer")) : List.of()));
            }
        }

        Map<UUID, List<StoredGroup>> bySession() {
            var groups = new LinkedHashMap<UUID, List<StoredGroup>>();
            byGroup.values().forEach(g -> groups.computeIfAbsent(g.sessionId(), k -> new ArrayList<>()).add(new StoredGroup(g.options(), g.params())));
            return groups;
        }
    }

    /** A session's usage by client; the session aggregate's JPA mapping reads it here (model_usage is written in SQL only). */
    Map<String, Usage> usage(UUID sessionId) {
        return usage(new UUID[] {sessionId}).getOrDefault(sessionId, Map.of());
    }

    private Map<UUID, Map<String, Usage>> usage(UUID[] sessionIds) {
        var usage = new LinkedHashMap<UUID, Map<String, Usage>>();
        query("""
                SELECT session_id, client_name, prompt_tokens, completion_tokens, cost_amount, currency FROM model_usage
                 WHERE session_id = ANY(?) ORDER BY session_id, client_name""", sessionIds, rs -> {
            usage.computeIfAbsent(rs.getObject("session_id", UUID.class), k -> new LinkedHashMap<>()).put(rs.getString("client_name"),
                    new Usage(new TokenUsage(rs.getLong("prompt_tokens"), rs.getLong("completion_tokens")),
                            new Cost(rs.getBigDecimal("cost_amount"), rs.getString("currency"))));
        });
        return usage;
    }

    /** A query whose one parameter is the array of session ids. */
    private void query(String sql, UUID[] sessionIds, RowCallbackHandler rows) {
        jdbc.query(con -> {
            var statement = con.prepareStatement(sql);
            statement.setArray(1, con.createArrayOf("uuid", sessionIds));
            return statement;
        }, rows);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
