package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.textopt.session.CallFailure;
import dev.textopt.session.StepRecord.StepFailure;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/**
 * Why a step failed for one parameter, or for the whole step (no param_id), e.g. its closure; or why a call
 * of a forward, evaluate or backward request failed, with the item it was for.
 */
@Schema(description = "A parameter whose update failed, or the step as a whole (param_id null); for forward, evaluate "
        + "and backward, the call that failed: its input item (index), trace (trace_id) and parameter (param_id)")
record StepFailureJson(
        @Schema(description = "forward: the input item's position") @JsonInclude(JsonInclude.Include.NON_NULL) Integer index,
        @Schema(description = "evaluate, backward: the trace") @JsonInclude(JsonInclude.Include.NON_NULL) String traceId,
        @Nullable String paramId,
        @Schema(example = "provider_error", description = "rate_limited, timeout, provider_error, unusable_reply, not_configured, "
                + "budget, closure_failed, abandoned, internal_error; evaluate: evaluator_failed") String reason,
        @Nullable String detail,
        @Schema(description = "The provider's HTTP status, when it answered with an error") @Nullable Integer providerStatus) {

    static StepFailureJson of(StepFailure f) {
        return new StepFailureJson(null, null, f.paramId(), f.reason(), f.detail(), f.providerStatus());
    }

    static StepFailureJson of(CallFailure f) {
        return new StepFailureJson(f.index(), f.traceId(), f.paramId(), f.reason(), f.detail(), f.providerStatus());
    }
}
