package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/** Options of a step: an evaluator to call first, if any. */
@Schema(description = "Options of a step", example = "{\"closure\": {\"url\": \"http://evaluator.internal/loss\"}}")
record StepRequest(@Nullable ClosureRequest closure) {

    @Schema(description = "Evaluator to call first; its host must be allowed by the operator")
    record ClosureRequest(@Schema(description = "The evaluator's URL", format = "uri") String url) {
    }
}
