package dev.textopt.session;

import dev.textopt.optim.run.RunStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events of steps and training runs, each written in the transaction of the change it reports (so an
 * event is there if and only if its change committed) and last in it (see {@link RecordEventPort}).
 */
@Component
class EventLog {

    private final RecordEventPort events;

    EventLog(RecordEventPort events) {
        this.events = events;
    }

    void stepStarted(UUID sessionId, int step, int total, UUID runId) {
        var data = step(step);
        data.put("total", total);
        if (runId != null) {
            data.put("run_id", runId.toString());
        }
        events.append(sessionId, EventType.STEP_STARTED, data);
    }

    void stepProgress(UUID sessionId, int step, int done, int total) {
        var data = step(step);
        data.put("done", done);
        data.put("total", total);
        events.append(sessionId, EventType.STEP_PROGRESS, data);
    }

    void stepSucceeded(UUID sessionId, int step, int updated, long durationMs) {
        var data = step(step);
        data.put("updated", updated);
        data.put("duration_ms", durationMs);
        events.append(sessionId, EventType.STEP_SUCCEEDED, data);
    }

    void stepFailed(UUID sessionId, int step, List<StepRecord.StepFailure> failures) {
        var data = step(step);
        data.put("failures", failures.stream().map(f -> {
            var failure = new LinkedHashMap<String, Object>();
            failure.put("param_id", f.paramId());
            failure.put("reason", f.reason());
            failure.put("detail", f.detail());
            return failure;
        }).toList());
        events.append(sessionId, EventType.STEP_FAILED, data);
    }

    void runStarted(UUID sessionId, UUID runId) {
        events.append(sessionId, EventType.RUN_STARTED, run(runId));
    }

    /** A trained batch: {@code done} of the run's {@code total} steps. */
    void runProgress(UUID sessionId, UUID runId, StoredRun.RunStep step, int done, int total) {
        var data = run(runId);
        data.put("done", done);
        data.put("total", total);
        data.put("step", step.step());
        data.put("epoch", step.epoch());
        data.put("batch", step.batch());
        data.put("train_score", step.trainScore());
        events.append(sessionId, EventType.RUN_PROGRESS, data);
    }

    void runEnded(UUID sessionId, UUID runId, RunStatus status, StoredRun.RunFailure failure) {
        var data = run(runId);
        if (failure != null) {
            data.put("reason", failure.reason());
            data.put("detail", failure.detail());
        }
        events.append(sessionId, switch (status) {
            case SUCCEEDED -> EventType.RUN_SUCCEEDED;
            case FAILED -> EventType.RUN_FAILED;
            case CANCELLED -> EventType.RUN_CANCELLED;
            case QUEUED, RUNNING -> throw new IllegalArgumentException("a run that has not ended: " + status);
        }, data);
    }

    private static Map<String, Object> step(int step) {
        var data = new LinkedHashMap<String, Object>();
        data.put("step", step);
        return data;
    }

    private static Map<String, Object> run(UUID runId) {
        var data = new LinkedHashMap<String, Object>();
        data.put("run_id", runId.toString());
        return data;
    }
}
