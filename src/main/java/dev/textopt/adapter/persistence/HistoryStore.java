package dev.textopt.adapter.persistence;

import dev.textopt.session.SessionStore.PageOf;
import dev.textopt.session.StepParamRecord;
import dev.textopt.session.StepRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The step history, in tables of its own that grow with every step and that a step never reads. */
@Component
class HistoryStore {

    private final StepEntryRepository entries;
    private final StepParamRepository stepParams;
    private final JsonColumns json;
    private final JdbcTemplate jdbc;

    HistoryStore(StepEntryRepository entries, StepParamRepository stepParams, JsonColumns json, JdbcTemplate jdbc) {
        this.entries = entries;
        this.stepParams = stepParams;
        this.json = json;
        this.jdbc = jdbc;
    }

    void insert(UUID sessionId, StepRecord record, String idempotencyKey) {
        Long stepId = jdbc.queryForObject("""
                INSERT INTO step_entry (session_id, number, kind, status, started_at, finished_at, duration_ms, params_total,
                                        params_done, restored_to, loss, usage, error, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?) RETURNING id""", Long.class,
                sessionId, record.number(), lower(record.kind()), lower(record.status()), timestamp(record.startedAt()),
                timestamp(record.finishedAt()), record.durationMs(), record.paramsTotal(), record.paramsDone(), record.restoredTo(),
                json.loss(record.loss()), json.usage(record.usage()), json.failures(record.failures()), idempotencyKey);
        saveParams(stepId, record.params());
    }

    /** The entry a key started that did not fail (at most one: a unique index says so). */
    Optional<StepRecord> startedBy(UUID sessionId, String idempotencyKey) {
        return jdbc.queryForList("SELECT number FROM step_entry WHERE session_id = ? AND idempotency_key = ? AND status <> 'failed'",
                Integer.class, sessionId, idempotencyKey).stream().findFirst().flatMap(number -> entry(sessionId, number));
    }

    /** The end of a running entry: its outcome, in one statement, and what it did to each parameter. */
    void finish(UUID sessionId, StepRecord record) {
        Long stepId = jdbc.queryForObject("""
                UPDATE step_entry SET status = ?, finished_at = ?, duration_ms = ?, params_total = ?, params_done = ?,
                       loss = CAST(? AS jsonb), usage = CAST(? AS jsonb), error = CAST(? AS jsonb)
                 WHERE session_id = ? AND number = ? RETURNING id""", Long.class,
                lower(record.status()), timestamp(record.finishedAt()), record.durationMs(),
                record.paramsTotal(), record.paramsDone(), json.loss(record.loss()), json.usage(record.usage()),
                json.failures(record.failures()), sessionId, record.number());
        saveParams(stepId, record.params());
    }

    void progress(UUID sessionId, int number, int paramsDone) {
        entries.setProgress(sessionId, number, paramsDone);
    }

    PageOf<StepRecord> page(UUID sessionId, int page, int size) {
        var found = entries.findBySessionIdOrderByNumberDesc(sessionId, PageRequest.of(page, size));
        return new PageOf<>(withParams(found.getContent()), page, size, found.getTotalElements());
    }

    Optional<StepRecord> entry(UUID sessionId, int number) {
        return entries.findBySessionIdAndNumber(sessionId, number).map(e -> withParams(List.of(e)).get(0));
    }

    Map<UUID, String> valuesUpTo(UUID sessionId, int number) {
        var values = new LinkedHashMap<UUID, String>();
        for (Object[] row : stepParams.valuesUpTo(sessionId, number)) {
            values.put(UUID.fromString((String) row[0]), (String) row[1]);
        }
        return values;
    }

    /** Steps still 'running' whose session's lease has run out (or is gone) were abandoned by a dead instance. */
    int failAbandoned(Instant now) {
        return jdbc.update("""
                UPDATE step_entry e SET status = 'failed', finished_at = ?,
                       error = '[{"param_id": null, "reason": "abandoned", "detail": "the instance running this step stopped before it finished; nothing was applied", "provider_status": null}]'::jsonb
                  FROM optimizer_session s
                 WHERE e.session_id = s.id AND e.status = 'running'
                   AND (s.lease_owner IS NULL OR s.lease_expires_at < ?)""", timestamp(now), timestamp(now));
    }

    /** Always new rows (an entry's parameters are written once), as one JDBC batch. */
    private void saveParams(Long stepId, List<StepParamRecord> params) {
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < params.size(); i++) {
            var p = params.get(i);
            rows.add(new Object[] {stepId, i, p.paramId(), p.status(), p.reason(), p.previousData(), p.data(), json.gradients(p.grads())});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO step_param (step_id, position, param_id, status, reason, previous_data, data, grads)
                    VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""", rows);
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private List<StepRecord> withParams(List<StepEntryEntity> found) {
        var paramsByStep = stepParams.findByStepIdInOrderByStepIdAscPositionAsc(found.stream().map(e -> e.id).toList())
                .stream().collect(Collectors.groupingBy(p -> p.stepId));
        return found.stream().map(e -> new StepRecord(e.number,
                StepRecord.Kind.valueOf(e.kind.toUpperCase(Locale.ROOT)), StepRecord.Status.valueOf(e.status.toUpperCase(Locale.ROOT)),
                e.startedAt, e.finishedAt, e.durationMs, e.paramsTotal, e.paramsDone, e.restoredTo, json.loss(e.loss),
                json.usage(e.usage), json.failures(e.error),
                paramsByStep.getOrDefault(e.id, List.of()).stream().map(p -> new StepParamRecord(p.paramId, p.status, p.reason,
                        p.previousData, p.data, json.gradients(p.grads))).toList())).toList();
    }
}
