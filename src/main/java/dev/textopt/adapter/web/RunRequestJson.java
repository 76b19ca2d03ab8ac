package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** A training run: every batch of the dataset goes forward → evaluate → backward → step → clear_grad, for some epochs. */
@Schema(description = "A training run over a dataset", example = """
        {"train": [{"inputs": {"text": "hello world"}, "target": "HELLO WORLD"},
                   {"inputs": {"text": "good morning"}, "target": "GOOD MORNING"}],
         "validation": [{"inputs": {"text": "see you"}, "target": "SEE YOU"}],
         "forward": {"messages": [{"role": "system", "content": [{"param": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e"}]},
                                  {"role": "user", "content": ["{text}"]}],
                     "model_client": "openai", "completion_args": {"model": "gpt-4o-mini"}},
         "evaluator": {"type": "exact_match"},
         "backward": {"model_client": "openai", "completion_args": {"model": "gpt-4o"}},
         "epochs": 2, "batch_size": 4, "shuffle_seed": 7, "keep_best": true}""")
record RunRequestJson(
        @Schema(description = "The items to train on") List<RunItemJson> train,
        @Schema(description = "The items to score the parameters on, before the first step and after every epoch (or step)")
        @Nullable List<RunItemJson> validation,
        @Schema(description = "Each batch's forward pass: messages filled from each item's inputs, and the model") RunForwardJson forward,
        @Schema(description = "How outputs are scored, as for evaluate; the targets come from the items, not from here")
        EvaluateRequestJson.EvaluatorJson evaluator,
        @Schema(description = "The backward model and prompt; default: as for backward") @Nullable RunBackwardJson backward,
        @Schema(description = "Passes over the dataset (default 1, at most textopt.limits.max-epochs)") @Nullable Integer epochs,
        @Schema(description = "Items per batch, one step each (default 4)") @Nullable Integer batchSize,
        @Schema(description = "Shuffles each epoch's order (documented algorithm); none: the dataset's order") @Nullable Long shuffleSeed,
        @Schema(description = "End restored to the best validation score's entry (needs validation; default false)") @Nullable Boolean keepBest,
        @Schema(description = "When to score the validation set after the start (default epoch)", allowableValues = {"epoch", "step"})
        @Nullable String validateEvery) {

    @Schema(description = "One dataset item")
    record RunItemJson(
            @Schema(description = "The texts the forward messages' {key} placeholders take") Map<String, String> inputs,
            @Schema(description = "The expected output (required for exact_match)") @Nullable String target) {
    }

    @Schema(description = "The forward pass of every batch")
    record RunForwardJson(
            @Schema(description = "The conversation the model is sent for each item, nothing added")
            List<ForwardRequestJson.PromptMessageJson> messages,
            @Schema(description = "The forward model's client; default: the group's of the first parameter inserted") @Nullable String modelClient,
            @Schema(description = "Arguments for the forward model") @Nullable Map<String, Object> completionArgs) {
    }

    @Schema(description = "The backward pass of every batch")
    record RunBackwardJson(
            @Schema(description = "The backward model's client; default: the group's of the first parameter") @Nullable String modelClient,
            @Schema(description = "Arguments for the backward model") @Nullable Map<String, Object> completionArgs,
            @Schema(description = "A backward prompt of your own, with {conversation}, {output}, {evaluation}, {parameter}, {role}")
            @Nullable List<GroupOptionsJson.MessageJson> messages) {
    }
}
