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

    private final SessionStore store;
    private final Clock clock;

    RestoreService(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public StoredSession restore(UUID id, int number) {
        StoredSession session = store.find(id).orElseThrow(() -> new SessionNotFoundException(id));
        if (number < 0 || number > session.historyCount()) {
            throw new HistoryEntryNotFoundException(id, number, session.historyCount());
        }
        if (session.stepRunning()) {
            throw new StepRunningException(id, "restoring");
        }
        Map<UUID, String> values = store.valuesAfter(id, number);
        var records = new ArrayList<StepParamRecord>();
        for (StoredParam param : session.params()) {
            String value = values.get(param.id());
            if (value != null) {
                records.add(new StepParamRecord(param.id(), "restored", null, param.data(), value, List.of()));
            }
        }
        store.setParamValues(values);
        Instant now = clock.instant();
        int entry = store.nextHistoryNumber(id);
        store.insertHistory(id, new StepRecord(entry, StepRecord.Kind.RESTORE, StepRecord.Status.SUCCEEDED, now, now, 0L,
                records.size(), records.size(), number, null, Map.of(), List.of(), records));
        store.touch(id, now, false);
        return store.find(id).orElseThrow();
    }
}
