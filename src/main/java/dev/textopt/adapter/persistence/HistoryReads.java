package dev.textopt.adapter.persistence;

import dev.textopt.session.LoadHistoryPort;
import dev.textopt.session.PageOf;
import dev.textopt.session.StepParamRecord;
import dev.textopt.session.StepRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Repository;

/** The history as JPA reads it: pages of entries, one entry, and the values the entries gave. */
@Repository
class HistoryReads implements LoadHistoryPort {

    private final StepEntryRepository entries;
    private final StepParamRepository stepParams;
    private final ParamRepository params;
    private final JsonColumns json;

    HistoryReads(StepEntryRepository entries, StepParamRepository stepParams, ParamRepository params, JsonColumns json) {
        this.entries = entries;
        this.stepParams = stepParams;
        this.params = params;
        this.json = json;
    }

    @Override
    public PageOf<StepRecord> page(UUID sessionId, int page, int size) {
        var found = entries.findBySessionIdOrderByNumberDesc(sessionId, PageRequest.of(page, size));
        return new PageOf<>(withParams(found.getContent()), page, size, found.getTotalElements());
    }

    @Override
    public Optional<StepRecord> entry(UUID sessionId, int number) {
        return entries.findBySessionIdAndNumber(sessionId, number).map(e -> withParams(List.of(e)).get(0));
    }

    @Override
    public Optional<StepRecord> stepStartedBy(UUID sessionId, String idempotencyKey) {
        return entries.findBySessionIdAndIdempotencyKeyAndStatusNot(sessionId, idempotencyKey, "failed")
                .map(e -> withParams(List.of(e)).get(0));
    }

    /** The values parameters joined with, overwritten by the newest entry up to {@code number} that changed them. */
    @Override
    public Map<UUID, String> valuesAfter(UUID sessionId, int number) {
        var values = new LinkedHashMap<UUID, String>();
        params.joinedBy(sessionId, number).forEach(p -> values.put(p.id, p.initialData));
        for (Object[] row : stepParams.valuesUpTo(sessionId, number)) {
            values.computeIfPresent((UUID) row[0], (id, initial) -> (String) row[1]);
        }
        return values;
    }

    private List<StepRecord> withParams(List<StepEntryEntity> found) {
        var paramsByStep = stepParams.findByStepIdInOrderByStepIdAscPositionAsc(found.stream().map(e -> e.id).toList())
                .stream().collect(Collectors.groupingBy(p -> p.stepId));
        return found.stream().map(e -> new StepRecord(e.number,
                StepRecord.Kind.valueOf(e.kind.toUpperCase(Locale.ROOT)), StepRecord.Status.valueOf(e.status.toUpperCase(Locale.ROOT)),
                e.startedAt, e.finishedAt, e.durationMs, e.paramsTotal, e.paramsDone, e.restoredTo, json.loss(e.loss),
                json.usage(e.usage), json.failures(e.error),
                paramsByStep.getOrDefault(e.id, List.of()).stream().map(p -> new StepParamRecord(p.paramId, p.status, p.reason,
                        p.previousData, p.data, json.gradients(p.grads))).toList(), json.groupEdit(e.groupEdit))).toList();
    }
}
