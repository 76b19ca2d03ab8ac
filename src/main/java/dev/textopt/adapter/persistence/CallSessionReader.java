package dev.textopt.adapter.persistence;

import dev.textopt.session.Budget;
import dev.textopt.session.CallSession;
import dev.textopt.session.LoadCallSessionPort;
import dev.textopt.session.StoredTrace;
import dev.textopt.session.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * What forward, evaluate and backward read before their calls, in one statement, so one snapshot: the session
 * row (found only for its tenant), and a row per parameter with its group's options, its grad count and, if
 * asked, its value version. BENCHMARKS.md, 11: each of them began with the whole session (its grads' texts and
 * momentum buffers, five queries) and forward and backward with a query for the versions besides, in a
 * repeatable-read transaction that kept values and versions together.
 */
@Repository
class CallSessionReader implements LoadCallSessionPort {

    /**
     * The value version of the parameter row {@code p}: the number of the last succeeded history entry that gave
     * it a new value (its data differs from what it was before the entry), else the entry it joined after.
     */
    private static final String VALUE_VERSION = """
            COALESCE((SELECT max(e.number) FROM step_param sp JOIN step_entry e ON e.id = sp.step_id
                       WHERE sp.param_id = p.id AND e.session_id = p.session_id AND e.status = 'succeeded'
                         AND sp.data IS NOT NULL AND sp.data IS DISTINCT FROM sp.previous_data),
                     p.added_at_entry)""";

    private static final String NO_VERSION = "CAST(NULL AS integer)";

    /** A group without parameters, or a session without groups, is a row with nulls on the parameter's side. */
    private static final String QUERY = """
            SELECT s.budget_amount, s.budget_currency, s.spent, g.id AS group_id, g.options,
                   p.id AS param_id, p.data, p.role, p.requires_grad,
                   (SELECT count(*) FROM gradient gr WHERE gr.param_id = p.id) AS grads, %s AS version
              FROM optimizer_session s
              LEFT JOIN param_group g ON g.session_id = s.id
              LEFT JOIN parameter p ON p.group_id = g.id
             WHERE s.id = ? AND s.tenant = ?
             ORDER BY g.position, p.position""";

    private final JdbcTemplate jdbc;
    private final JsonColumns json;
    private final TraceColumns traceColumns;
    private final TenantContext tenants;

    CallSessionReader(JdbcTemplate jdbc, JsonColumns json, TraceColumns traceColumns, TenantContext tenants) {
        this.jdbc = jdbc;
        this.json = json;
        this.traceColumns = traceColumns;
        this.tenants = tenants;
    }

    @Override
    public Optional<CallSession> findWithVersions(UUID id) {
        return read(id, VALUE_VERSION);
    }

    @Override
    public Optional<CallSession> find(UUID id) {
        return read(id, NO_VERSION);
    }

    /** The session's query and the traces' ({@link TraceColumns#FIND}) sent together: {@link OneRoundTrip}. */
    @Override
    public Optional<WithTraces> findWithTraces(UUID id, boolean versions, Collection<UUID> traceIds, Instant now) {
        var session = new SessionRows(id);
        var traces = new LinkedHashMap<UUID, StoredTrace>();
        String tenant = tenants.current();
        var parts = new ArrayList<OneRoundTrip.Part>();
        parts.add(OneRoundTrip.Part.eachRow(QUERY.formatted(versions ? VALUE_VERSION : NO_VERSION), new Object[] {id, tenant}, session));
        if (!traceIds.isEmpty()) {
            parts.add(OneRoundTrip.Part.eachRow(TraceColumns.FIND, TraceColumns.findValues(id, tenant, traceIds, now),
                    rows -> traceColumns.add(rows, id, traces)));
        }
        OneRoundTrip.send(jdbc, parts);
        return session.session().map(s -> new WithTraces(s, traces));
    }

    private Optional<CallSession> read(UUID id, String version) {
        var session = new SessionRows(id);
        jdbc.query(QUERY.formatted(version), session, id, tenants.current());
        return session.session();
    }

    /** The session from the rows of {@link #QUERY}: its first row, and a parameter on each row that has one. */
    private final class SessionRows implements RowCallbackHandler {

        private final UUID id;
        private final List<CallSession> found = new ArrayList<>(1);
        private final List<CallSession.Param> params = new ArrayList<>();
        private final Map<Long, Map<String, Object>> options = new HashMap<>();

        SessionRows(UUID id) {
            this.id = id;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (found.isEmpty()) {
                var amount = rs.getBigDecimal("budget_amount");
                found.add(new CallSession(id, amount == null ? null : new Budget(amount, rs.getString("budget_currency")),
                        rs.getBigDecimal("spent"), List.of()));
            }
            UUID paramId = rs.getObject("param_id", UUID.class);
            if (paramId != null) {
                String groupOptions = rs.getString("options");
                params.add(new CallSession.Param(paramId, rs.getString("data"), rs.getString("role"), rs.getBoolean("requires_grad"),
                        options.computeIfAbsent(rs.getLong("group_id"), group -> json.readMap(groupOptions)),
                        rs.getObject("version", Integer.class), rs.getInt("grads")));
            }
        }

        Optional<CallSession> session() {
            return found.stream().findFirst().map(s -> new CallSession(s.id(), s.budget(), s.spent(), params));
        }
    }
}
