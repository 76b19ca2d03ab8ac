package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * The shape of every problem answer (RFC 9457), as {@link org.springframework.http.ProblemDetail} writes
 * it with the members our types add. It is what the OpenAPI description shows; the validation of every
 * answer of the end-to-end tests against it keeps the two the same.
 */
@Schema(description = "An RFC 9457 problem detail")
record ProblemJson(
        @Schema(description = "Stable URI of the problem type; switch on it") URI type,
        @Schema(description = "Short summary of the problem type") String title,
        @Schema(description = "HTTP status") int status,
        @Schema(description = "What went wrong and what to change") @JsonInclude(JsonInclude.Include.NON_NULL) String detail,
        @Schema(description = "The request path", format = "uri-reference") @JsonInclude(JsonInclude.Include.NON_NULL) String instance,
        @Schema(description = "Field problems (invalid-request)") @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldErrorJson> errors,
        @Schema(description = "The failed step's history entry (step-failed, step-timeout)")
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer step,
        @Schema(description = "Why each call failed (step-failed, step-timeout, calls-failed, calls-timeout, budget-exhausted)")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<StepFailureJson> failures,
        @Schema(description = "The client without a key (model-client-unavailable)")
        @JsonInclude(JsonInclude.Include.NON_NULL) String modelClient,
        @Schema(description = "What the session has spent (budget-exhausted)") @JsonInclude(JsonInclude.Include.NON_NULL) MoneyJson spent,
        @Schema(description = "The session's budget (budget-exhausted)") @JsonInclude(JsonInclude.Include.NON_NULL) MoneyJson budget,
        @Schema(description = "The trace that is stale (stale_trace)") @JsonInclude(JsonInclude.Include.NON_NULL) String traceId,
        @Schema(description = "Its parameter that changed (stale_trace)") @JsonInclude(JsonInclude.Include.NON_NULL) String paramId,
        @Schema(description = "The history entry that changed it (stale_trace)")
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer changedByEntry,
        @Schema(description = "The training run going on the session (run-active)") @JsonInclude(JsonInclude.Include.NON_NULL) String runId) {

    @Schema(description = "One problem with one field")
    record FieldErrorJson(@Schema(description = "Path of the field, e.g. params[0].role") String field,
                          @Schema(description = "What is wrong with it") String message) {
    }

    @Schema(description = "An amount of money")
    record MoneyJson(double amount, String currency) {
    }
}
