package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/** A text with a role (afnio's Variable): a parameter as a client sends it, a message text, a momentum snapshot. */
@Schema(description = "A text with a role (afnio Variable)")
record VariableJson(
        @Schema(description = "The text") String data,
        @Schema(description = "What the text is for") @Nullable String role,
        @Schema(description = "Whether the optimizer may rewrite it (default true)") @Nullable Boolean requiresGrad) {
}
