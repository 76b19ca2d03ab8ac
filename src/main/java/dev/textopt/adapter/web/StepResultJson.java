package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.textopt.optim.ParamOutcome;
import dev.textopt.session.StepOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** The answer of a step that succeeded. */
@Schema(description = "The answer of a step", example = """
        {"step": 1, "loss": null, "params": [{"id": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "status": "updated",
          "previous_data": "Classify the sentiment.", "data": "Answer with one word: positive, negative or neutral."}],
         "usage": {"openai": {"prompt_tokens": 812, "completion_tokens": 64, "total_tokens": 876,
          "cost": {"amount": 0.00267, "currency": "USD"}}}, "duration_ms": 1240}""")
record StepResultJson(
        @Schema(description = "Number of the step's history entry") int step,
        @Schema(description = "The closure's loss; null without a closure") @Nullable LossJson loss,
        List<ParamOutcomeJson> params,
        Map<String, UsageJson> usage,
        long durationMs) {

    /** What the step did to one parameter: updated (with its values) or skipped (with why). */
    @Schema(description = "What a step did to one parameter")
    record ParamOutcomeJson(
            String id,
            @Schema(allowableValues = {"updated", "skipped"}) String status,
            @Schema(description = "Its value before (updated)") @JsonInclude(JsonInclude.Include.NON_NULL) String previousData,
            @Schema(description = "Its new value (updated)") @JsonInclude(JsonInclude.Include.NON_NULL) String data,
            @Schema(description = "Why it was skipped (skipped)") @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

        static ParamOutcomeJson of(ParamOutcome outcome) {
            if (outcome instanceof ParamOutcome.Updated u) {
                return new ParamOutcomeJson(u.id(), "updated", u.previousData(), u.data(), null);
            }
            var skipped = (ParamOutcome.Skipped) outcome;
            return new ParamOutcomeJson(skipped.id(), "skipped", null, null, skipped.reason());
        }
    }

    /** A step started with {@code Prefer: respond-async} (or found again by its Idempotency-Key): poll its history entry. */
    @Schema(description = "A step started with Prefer: respond-async")
    record StepAcceptedJson(int step, @Schema(allowableValues = {"running", "succeeded", "failed"}) String status,
                            @Schema(description = "The history entry to poll") String location) {
    }

    static StepResultJson of(StepOutcome outcome) {
        return new StepResultJson(outcome.step(), LossJson.of(outcome.loss()),
                outcome.params().stream().map(ParamOutcomeJson::of).toList(), UsageJson.byClient(outcome.usage()), outcome.durationMs());
    }
}
