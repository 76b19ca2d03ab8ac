package dev.textopt.adapter.persistence;

import dev.textopt.session.Budget;
import dev.textopt.session.CallSession;
import dev.textopt.session.LoadCallSessionPort;
import dev.textopt.session.TenantContext;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final TenantContext tenants;

    CallSessionReader(JdbcTemplate jdbc, JsonColumns json, TenantContext tenants) {
        this.jdbc = jdbc;
        this.json = json;
        this.tenants = tenants;
    }

    @Override
    public Optional<CallSession> findWithVersions(UUID id) {
        return read(id, VALUE_VERSION);
    }

    @Override
    public Optional<CallSession> find(UUID id) {
        return read(id, "CAST(NULL AS integer)");
    }

    private Optional<CallSession> read(UUID id, String version) {
        var found = new ArrayList<CallSession>(1);
        var params = new ArrayList<CallSession.Param>();
        var options = new HashMap<Long, Map<String, Object>>();
        jdbc.query(QUERY.formatted(version), (RowCallbackHandler) rs -> {
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
        }, id, tenants.current());
        return found.stream().findFirst().map(s -> new CallSession(s.id(), s.budget(), s.spent(), params));
    }
}
