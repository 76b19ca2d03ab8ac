package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** Scores traces: the loss of a batch, as afnio's evaluators give it. */
@Schema(description = "Score traces with an evaluator", example = """
        {"traces": ["3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30", "8f2a4c61-0d3e-4b7a-9c5f-1e6d8b2a4c70"],
         "evaluator": {"type": "exact_match", "targets": ["HELLO WORLD", "GOOD MORNING"]}}""")
record EvaluateRequestJson(
        @Schema(description = "Trace ids from forward passes of this session, in the order of targets") List<String> traces,
        EvaluatorJson evaluator) {

    /** One of three evaluators; which fields it takes depends on its type. */
    @Schema(description = "exact_match: targets, case_sensitive, trim. llm_judge: criteria, targets, model_client, "
            + "completion_args, messages. http: url, targets.")
    record EvaluatorJson(
            @Schema(allowableValues = {"exact_match", "llm_judge", "http"}) String type,
            @Schema(description = "One expected output per trace (required for exact_match)") @Nullable List<String> targets,
            @Schema(description = "exact_match: whether letter case must match (default true)") @Nullable Boolean caseSensitive,
            @Schema(description = "exact_match: whether whitespace around the texts is ignored (default true)") @Nullable Boolean trim,
            @Schema(description = "llm_judge: what a good output is") @Nullable String criteria,
            @Schema(description = "llm_judge: the judge's client; default: the group's of the trace's first parameter")
            @Nullable String modelClient,
            @Schema(description = "llm_judge: arguments for the judge") @Nullable Map<String, Object> completionArgs,
            @Schema(description = "llm_judge: a judge prompt of your own, with {output}, {target}, {criteria}, {input}")
            @Nullable List<GroupOptionsJson.MessageJson> messages,
            @Schema(description = "http: the evaluator's URL, on a host the operator allowed for closures", format = "uri")
            @Nullable String url) {
    }
}
