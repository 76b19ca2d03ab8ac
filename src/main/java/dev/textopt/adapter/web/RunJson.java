package dev.textopt.adapter.web;

import dev.textopt.optim.run.ValidationScore;
import dev.textopt.session.StoredRun;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A training run: where it stands, each step with its train score, the validation scores, the best, why it failed, its cost. */
@Schema(description = "A training run", example = """
        {"id": "0b7c2e94-3f1a-4d6b-9e8c-5a2f1d7b3c60", "status": "running", "epoch": 1, "batch": 0,
         "steps": [{"step": 1, "epoch": 0, "batch": 0, "train_score": 0.0}, {"step": 2, "epoch": 0, "batch": 1, "train_score": 0.5}],
         "validation": [{"after_step": 0, "score": 0.0}, {"after_step": 2, "score": 1.0}],
         "best": {"step": 2, "score": 1.0}, "failure": null,
         "usage": {"openai": {"prompt_tokens": 5120, "completion_tokens": 410, "total_tokens": 5530,
                              "cost": {"amount": 0.0011, "currency": "USD"}}},
         "created_at": "2025-05-01T10:00:00Z", "finished_at": null}""")
record RunJson(
        UUID id,
        @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "cancelled"}) String status,
        @Schema(description = "The epoch of the batch to train next, from 0; the number of epochs once all are trained") int epoch,
        @Schema(description = "The batch to train next within its epoch, from 0") int batch,
        @Schema(description = "Every trained batch, in order") List<RunStepJson> steps,
        @Schema(description = "Validation scores: before the first step, then after every epoch (or step)") List<ValidationJson> validation,
        @Schema(description = "The best validation score so far; of equal ones the earliest") @Nullable BestJson best,
        @Schema(description = "Why the run failed") @Nullable RunFailureJson failure,
        @Schema(description = "What the run's model calls cost, per model client") Map<String, UsageJson> usage,
        Instant createdAt,
        @Nullable Instant finishedAt) {

    @Schema(description = "A trained batch")
    record RunStepJson(@Schema(description = "The history entry of the batch's step") int step, int epoch, int batch,
                       @Schema(description = "The batch's mean score before the step (the step's loss)") double trainScore) {
    }

    @Schema(description = "A validation score")
    record ValidationJson(@Schema(description = "The history entry the parameters stood at") int afterStep, double score) {
    }

    @Schema(description = "The best validation score")
    record BestJson(@Schema(description = "The history entry the parameters stood at") int step, double score) {
    }

    @Schema(description = "Why a run failed")
    record RunFailureJson(
            @Schema(description = "forward, evaluate, backward or step; null for an internal error") @Nullable String operation,
            @Schema(description = "The dataset item, e.g. train[3] or validation[0]") @Nullable String item,
            @Schema(description = "The parameter (backward, step)") @Nullable String paramId,
            @Schema(description = "A step's reasons: rate_limited, timeout, provider_error, unusable_reply, not_configured, budget, "
                    + "evaluator_failed; also stale_trace, invalid_request, internal_error") String reason,
            String detail) {
    }

    static RunJson of(StoredRun run) {
        StoredRun.RunFailure f = run.failure();
        return new RunJson(run.id(), run.status().wire(), run.position().epoch(), run.position().batch(),
                run.steps().stream().map(s -> new RunStepJson(s.step(), s.epoch(), s.batch(), s.trainScore())).toList(),
                run.validation().stream().map(v -> new ValidationJson(v.afterStep(), v.score())).toList(),
                run.best().map(RunJson::best).orElse(null),
                f == null ? null : new RunFailureJson(f.operation(), f.item(), f.paramId(), f.reason(), f.detail()),
                UsageJson.byClient(run.usage()), run.createdAt(), run.finishedAt());
    }

    private static BestJson best(ValidationScore score) {
        return new BestJson(score.afterStep(), score.score());
    }
}
