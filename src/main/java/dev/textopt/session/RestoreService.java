package dev.textopt.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rollback: sets every parameter to its value right after history entry n (0: when it joined the
 * session). Recorded in the history as a restore; momentum buffers stay as they are.
 */
@Service
public class RestoreService {

    private final LockSessionPort locks;
    private final UpdateSessionStatePort changes;
    private final LoadHistoryPort pastEntries;
    private final RecordHistoryPort history;
    private final Clock clock;
    private final RunGuard runs;

    RestoreService(LockSessionPort locks, UpdateSessionStatePort changes, LoadHistoryPort pastEntries, RecordHistoryPort history,
            Clock clock, RunGuard runs) {
        this.locks = locks;
        this.changes = changes;
        this.pastEntries = pastEntries;
        this.history = history;
        this.clock = clock;
        this.runs = runs;
    }

    @Transactional
    public StoredSession restore(UUID id, int number, ExpectedVersion expected) {
        return restore(id, number, expected, null);
    }

    /** A restore by hand ({@code asRun} null), or a training run's {@code keep_best} at its end. */
    @Transactional
    StoredSession restore(UUID id, int number, UUID asRun) {
        return restore(id, number, ExpectedVersion.ANY, asRun);
    }

    private StoredSession restore(UUID id, int number, ExpectedVersion expected, UUID asRun) {
        StoredSession session = locks.lock(id).orElseThrow(() -> new SessionNotFoundException(id));
        if (number < 0 || number > session.historyCount()) {
            throw new HistoryEntryNotFoundException(id, number, session.historyCount());
        }
        SessionEdits.refuseWhileStepping(session, "restoring");
        runs.refuse(id, asRun, "restoring");
        expected.check(id, session.version());
        Map<UUID, String> values = pastEntries.valuesAfter(id, number);
        var records = new ArrayList<StepParamRecord>();
        for (StoredParam param : session.params()) {
            String value = values.get(param.id());
            if (value != null) {
                records.add(new StepParamRecord(param.id(), "restored", null, param.data(), value, List.of()));
            }
        }
        changes.setParamValues(id, values);
        Instant now = clock.instant();
        history.insert(id, new StepRecord(changes.nextHistoryNumber(id), StepRecord.Kind.RESTORE, StepRecord.Status.SUCCEEDED, now, now,
                0L, 0, 0, number, null, Map.of(), List.of(), records));
        changes.touch(id, now);
        return locks.lock(id).orElseThrow();
    }
}
