package dev.textopt.adapter.web;

import dev.textopt.optim.Loss;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/** What the closure said about the parameters; absent (null) without a closure. */
@Schema(description = "The closure's loss")
record LossJson(
        @Schema(description = "A number or a text, as the evaluator gave it") @OneOf({Double.class, String.class}) Object score,
        @Nullable String explanation) {

    static LossJson of(Loss loss) {
        return loss == null ? null : new LossJson(loss.score(), loss.explanation());
    }
}
