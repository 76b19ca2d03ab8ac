package dev.textopt.adapter.web;

import dev.textopt.session.BudgetExhaustedException;
import dev.textopt.session.CallsFailedException;
import dev.textopt.session.ModelClientUnavailableException;
import dev.textopt.session.StaleTraceException;
import dev.textopt.session.StepFailedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problems of the work that calls models (steps, forward, evaluate, backward): failed calls, a spent budget,
 * an unusable model client, a stale trace. Each carries what a client needs to act on it (the failures, what
 * was spent, the trace and parameter). Kept apart from {@link ProblemHandler}, which maps requests and storage.
 * Ordered first: Spring asks one advice after the other, and ProblemHandler's catch-all would answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelWorkProblems {

    @ExceptionHandler(BudgetExhaustedException.class)
    ProblemDetail budget(BudgetExhaustedException e) {
        ProblemDetail problem = Problems.budget(e.getMessage(), e.spent(), e.budget());
        if (e.step() != null) { // a step stopped part-way by the budget
            problem.setProperty("step", e.step());
            problem.setProperty("failures", e.failures().stream().map(StepFailureJson::of).toList());
        }
        return problem;
    }

    /** Forward, evaluate or backward calls that failed: 402 when the budget stopped them, else 502 or 504. */
    @ExceptionHandler(CallsFailedException.class)
    ProblemDetail callsFailed(CallsFailedException e) {
        ProblemDetail problem = e.budget() != null ? Problems.budget(e.getMessage(), e.spent(), e.budget())
                : Problems.of(e.timedOut() ? ProblemType.CALLS_TIMEOUT : ProblemType.CALLS_FAILED, e.getMessage());
        problem.setProperty("failures", e.failures().stream().map(StepFailureJson::of).toList());
        return problem;
    }

    @ExceptionHandler(StaleTraceException.class)
    ProblemDetail staleTrace(StaleTraceException e) {
        ProblemDetail problem = Problems.of(ProblemType.STALE_TRACE, e.getMessage());
        problem.setProperty("trace_id", e.traceId().toString());
        problem.setProperty("param_id", e.paramId().toString());
        problem.setProperty("changed_by_entry", e.changedByEntry());
        return problem;
    }

    @ExceptionHandler(ModelClientUnavailableException.class)
    ProblemDetail modelClientUnavailable(ModelClientUnavailableException e) {
        ProblemDetail problem = Problems.of(ProblemType.MODEL_CLIENT_UNAVAILABLE, e.getMessage());
        problem.setProperty("model_client", e.client());
        return problem;
    }

    @ExceptionHandler(StepFailedException.class)
    ProblemDetail stepFailed(StepFailedException e) {
        ProblemDetail problem = Problems.of(e.timedOut() ? ProblemType.STEP_TIMEOUT : ProblemType.STEP_FAILED, e.getMessage());
        problem.setProperty("step", e.number());
        problem.setProperty("failures", e.failures().stream().map(StepFailureJson::of).toList());
        return problem;
    }
}
