package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.textopt.optim.Gradient;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/**
 * Feedback on a parameter, as appended and as shown in its grad and in the history. A client may send
 * {@code requires_grad} with it, since afnio's gradients are Variables too; it is ignored.
 */
@Schema(description = "Feedback on a parameter",
        example = "{\"data\": \"Ask for exactly one word: positive, negative or neutral.\", \"role\": \"feedback on the prompt\"}")
@JsonIgnoreProperties("requires_grad")
record GradientJson(
        @Schema(description = "The feedback") String data,
        @Schema(description = "What the feedback is") @Nullable String role,
        @Schema(description = "The conversation or evaluation that produced it") @Nullable String context) {

    static GradientJson of(Gradient gradient) {
        return new GradientJson(gradient.data(), gradient.role(), gradient.context());
    }
}
