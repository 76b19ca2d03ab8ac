package dev.textopt.adapter.persistence;

import dev.textopt.optim.ChatMessage;
import dev.textopt.session.StoredTrace;
import dev.textopt.session.StoredTrace.TraceEvaluation;
import dev.textopt.session.StoredTrace.UsedParam;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A trace and its row: the JSON columns in the API's own snake_case shapes, written with {@link JsonColumns}. */
@Component
class TraceColumns {

    /** A session's unexpired traces among some ids, only if the session is the tenant's: values by {@link #findValues}. */
    static final String FIND = """
            SELECT t.id, t.batch_index, t.created_at, t.expires_at, t.messages, t.inputs, t.output, t.model_client, t.model,
                   t.usage, t.params, t.evaluation
              FROM trace t JOIN optimizer_session s ON s.id = t.session_id
             WHERE t.session_id = ? AND s.tenant = ? AND t.id = ANY(?) AND t.expires_at > ?""";

    private final JsonColumns json;

    TraceColumns(JsonColumns json) {
        this.json = json;
    }

    static Object[] findValues(UUID sessionId, String tenant, Collection<UUID> ids, Instant now) {
        return new Object[] {sessionId, tenant, ids.toArray(UUID[]::new), now.atOffset(ZoneOffset.UTC)};
    }

    /** The trace on the current row of a {@link #FIND} query, added to {@code found} by id. */
    void add(ResultSet rs, UUID sessionId, Map<UUID, StoredTrace> found) throws SQLException {
        var row = new TraceEntity();
        row.id = rs.getObject("id", UUID.class);
        row.sessionId = sessionId;
        row.batchIndex = rs.getInt("batch_index");
        row.createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        row.expiresAt = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
        row.messages = rs.getString("messages");
        row.inputs = rs.getString("inputs");
        row.output = rs.getString("output");
        row.modelClient = rs.getString("model_client");
        row.model = rs.getString("model");
        row.usage = rs.getString("usage");
        row.params = rs.getString("params");
        row.evaluation = rs.getString("evaluation");
        found.put(row.id, trace(row));
    }

    TraceEntity row(StoredTrace trace) {
        var row = new TraceEntity();
        row.id = trace.id();
        row.sessionId = trace.sessionId();
        row.batchIndex = trace.index();
        row.createdAt = trace.createdAt();
        row.expiresAt = trace.expiresAt();
        row.messages = json.write(trace.messages().stream().map(m -> Map.of("role", m.role().name().toLowerCase(Locale.ROOT),
                "content", m.content())).toList());
        row.inputs = json.write(trace.inputs());
        row.output = trace.output();
        row.modelClient = trace.client();
        row.model = trace.model();
        row.usage = json.usage(Map.of(trace.client(), trace.usage()));
        row.params = json.write(trace.params().stream().map(p -> {
            var map = new LinkedHashMap<String, Object>();
            map.put("id", p.id().toString());
            map.put("version", p.version());
            map.put("data", p.data());
            return map;
        }).toList());
        row.evaluation = evaluation(trace.evaluation());
        return row;
    }

    String evaluation(TraceEvaluation evaluation) {
        if (evaluation == null) {
            return null;
        }
        var map = new LinkedHashMap<String, Object>();
        map.put("score", evaluation.score());
        map.put("explanation", evaluation.explanation());
        map.put("evaluator", evaluation.evaluator());
        return json.write(map);
    }

    @SuppressWarnings("unchecked")
    StoredTrace trace(TraceEntity row) {
        var messages = json.readList(row.messages).stream().map(m -> (Map<String, Object>) m)
                .map(m -> new ChatMessage(ChatMessage.Role.valueOf(((String) m.get("role")).toUpperCase(Locale.ROOT)), (String) m.get("content")))
                .toList();
        var inputs = new LinkedHashMap<String, String>();
        json.readMap(row.inputs).forEach((key, value) -> inputs.put(key, (String) value));
        List<UsedParam> params = json.readList(row.params).stream().map(p -> (Map<String, Object>) p)
                .map(p -> new UsedParam(UUID.fromString((String) p.get("id")), ((Number) p.get("version")).intValue(), (String) p.get("data")))
                .toList();
        var evaluation = json.readMap(row.evaluation);
        return new StoredTrace(row.id, row.sessionId, row.batchIndex, row.createdAt, row.expiresAt, messages, inputs, row.output,
                row.modelClient, row.model, json.usage(row.usage).get(row.modelClient), params, evaluation == null ? null
                : new TraceEvaluation(((Number) evaluation.get("score")).doubleValue(), (String) evaluation.get("explanation"),
                        (String) evaluation.get("evaluator")));
    }
}
