package dev.textopt.session;

import dev.textopt.optim.InvalidOptimizerException;
import java.util.function.Function;

/**
 * One of a run's operations failed for good: the run ends {@code failed} with {@link #failure()}, in a step's
 * words: the operation, the dataset item (by a function from the failed call to the item it was for), the
 * parameter, the reason ({@code budget} when the session's budget stopped it).
 */
class RunFailedException extends RuntimeException {

    private final StoredRun.RunFailure failure;

    RunFailedException(StoredRun.RunFailure failure) {
        super(failure.operation() + " failed: " + failure.detail());
        this.failure = failure;
    }

    StoredRun.RunFailure failure() {
        return failure;
    }

    /** The failure of {@code operation} that {@code e} reports, or {@code e} itself when it is no operation's failure (a bug). */
    static RuntimeException of(String operation, RuntimeException e, Function<CallFailure, String> itemOf) {
        if (e instanceof WritesBehind.Failed failed) { // a write of the run behind its calls: its own operation failed
            return of(failed.operation(), failed.getCause(), f -> null);
        }
        if (e instanceof CallsFailedException calls) {
            CallFailure first = calls.failures().stream().filter(f -> calls.budget() == null || f.budget()).findFirst()
                    .orElse(calls.failures().get(0));
            return failed(operation, itemOf.apply(first), first.paramId(), calls.budget() != null ? "budget" : first.reason(),
                    first.detail() == null ? e.getMessage() : first.detail());
        }
        if (e instanceof BudgetExhaustedException budget) {
            return failed(operation, null, null, "budget", budget.getMessage());
        }
        if (e instanceof StepFailedException step && !step.failures().isEmpty()) {
            var first = step.failures().get(0);
            return failed(operation, null, first.paramId(), first.reason(), first.detail());
        }
        if (e instanceof ModelClientUnavailableException) {
            return failed(operation, null, null, "not_configured", e.getMessage());
        }
        if (e instanceof StaleTraceException stale) {
            return failed(operation, null, stale.paramId().toString(), "stale_trace", e.getMessage());
        }
        if (e instanceof BadRequestException || e instanceof InvalidOptimizerException) {
            return failed(operation, null, null, "invalid_request", e.getMessage());
        }
        return e;
    }

    private static RunFailedException failed(String operation, String item, String paramId, String reason, String detail) {
        return new RunFailedException(new StoredRun.RunFailure(operation, item, paramId, reason, detail));
    }
}
