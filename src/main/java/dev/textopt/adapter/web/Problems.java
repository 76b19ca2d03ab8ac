package dev.textopt.adapter.web;

import dev.textopt.optim.Problem;
import dev.textopt.session.Budget;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details from the {@link ProblemType} catalog. {@code detail} says what to
 * change; {@code errors} lists field problems as {@code {field, message}}.
 */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(ProblemType type, String detail) {
        return of(type, type.status().value(), detail);
    }

    /** A problem whose status is the answer's own, for types that stand for several statuses. */
    static ProblemDetail of(ProblemType type, int status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    /** A problem with members its type adds ({@code run_id}, {@code trace_id}, …). */
    static ProblemDetail of(ProblemType type, String detail, Map<String, Object> members) {
        ProblemDetail problem = of(type, detail);
        members.forEach(problem::setProperty);
        return problem;
    }

    static ProblemDetail invalid(String detail, List<Problem> errors) {
        ProblemDetail problem = of(ProblemType.INVALID_REQUEST, detail);
        problem.setProperty("errors", errors.stream().map(e -> new ProblemJson.FieldErrorJson(e.field(), e.message())).toList());
        return problem;
    }

    /** A spent budget, with what the session has spent and its budget. */
    static ProblemDetail budget(String detail, BigDecimal spent, Budget budget) {
        ProblemDetail problem = of(ProblemType.BUDGET_EXHAUSTED, detail);
        problem.setProperty("spent", new ProblemJson.MoneyJson(spent.doubleValue(), budget.currency()));
        problem.setProperty("budget", new ProblemJson.MoneyJson(budget.amount().doubleValue(), budget.currency()));
        return problem;
    }

    static ProblemDetail invalid(String field, String message, String detail) {
        return invalid(detail, List.of(new Problem(field, message)));
    }
}
