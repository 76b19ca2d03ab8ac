package dev.textopt.session;

import dev.textopt.optim.Loss;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a session's history: a step (running, succeeded or failed), a restore, or a hand edit
 * of a parameter's value. They share one sequence of numbers; entry 0 is the session's creation, which
 * is not stored but made up from the values the parameters were created with ({@link #creation}).
 * {@code paramsTotal} is the number of parameters the entry calls the model for (0 but for steps), and
 * {@code paramsDone} how many of those calls have ended.
 */
public record StepRecord(
        int number,
        Kind kind,
        Status status,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        int paramsTotal,
        int paramsDone,
        Integer restoredTo,
        Loss loss,
        Map<String, Usage> usage,
        List<StepFailure> failures,
        List<StepParamRecord> params) {

    public enum Kind { STEP, RESTORE, EDIT, CREATE }

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    public StepRecord {
        usage = usage == null ? Map.of() : Map.copyOf(usage);
        failures = failures == null ? List.of() : List.copyOf(failures);
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** Entry 0: the session as created, with each parameter it was created with and its first value. */
    static StepRecord creation(Instant createdAt, Map<UUID, String> initialValues) {
        return new StepRecord(0, Kind.CREATE, Status.SUCCEEDED, createdAt, createdAt, 0L, 0, 0, null, null, Map.of(), List.of(),
                initialValues.entrySet().stream().map(v -> new StepParamRecord(v.getKey(), "created", null, null, v.getValue(), List.of()))
                        .toList());
    }

    /** Why a step failed: a parameter's model call, or the step as a whole (paramId null), e.g. its closure. */
    public record StepFailure(String paramId, String reason, String detail, Integer providerStatus) {

        /** A parameter's failed model call, by the kind of its failure. */
        static StepFailure of(String paramId, ModelCallException cause) {
            return new StepFailure(paramId, cause.reason(), cause.getMessage(), cause.providerStatus());
        }
    }
}
