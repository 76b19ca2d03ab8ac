package dev.textopt.adapter.web;

import dev.textopt.session.StepRecord.StepFailure;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/** Why a step failed for one parameter, or for the whole step (no param_id), e.g. its closure. */
@Schema(description = "A parameter whose update failed, or the step as a whole (param_id null)")
record StepFailureJson(
        @Nullable String paramId,
        @Schema(example = "provider_error") String reason,
        @Nullable String detail,
        @Schema(description = "The provider's HTTP status, when it answered with an error") @Nullable Integer providerStatus) {

    static StepFailureJson of(StepFailure f) {
        return new StepFailureJson(f.paramId(), f.reason(), f.detail(), f.providerStatus());
    }
}
