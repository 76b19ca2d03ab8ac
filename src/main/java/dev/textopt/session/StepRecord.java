package dev.textopt.session;

import dev.textopt.optim.Loss;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a session's history: a step (running, succeeded or failed), a restore, or a hand edit
 * of a parameter's value. They share one sequence of numbers; entry 0 is the session's creation and
 * is not stored.
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

    public enum Kind { STEP, RESTORE, EDIT }

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    public StepRecord {
        usage = usage == null ? Map.of() : Map.copyOf(usage);
        failures = failures == null ? List.of() : List.copyOf(failures);
        params = params == null ? List.of() : List.copyOf(params);
    }

    /** Why a step failed: a parameter's model call, or the step as a whole (paramId null), e.g. its closure. */
    public record StepFailure(String paramId, String reason, String detail, Integer providerStatus) {

        /** A parameter's failed model call, by the kind of its failure. */
        static StepFailure of(String paramId, ModelCallException cause) {
            String reason;
            if (cause instanceof ModelCallException.RateLimited) {
                reason = "rate_limited";
            } else if (cause instanceof ModelCallException.Timeout) {
                reason = "timeout";
            } else if (cause instanceof ModelCallException.UnusableReply) {
                reason = "unusable_reply";
            } else if (cause instanceof ModelCallException.NotConfigured) {
                reason = "not_configured";
            } else if (cause instanceof ModelCallException.BudgetReached) {
                reason = "budget";
            } else {
                reason = "provider_error";
            }
            Integer status = cause instanceof ModelCallException.ProviderError p ? p.status()
                    : cause instanceof ModelCallException.RateLimited ? Integer.valueOf(429) : null;
            return new StepFailure(paramId, reason, cause.getMessage(), status);
        }
    }
}
