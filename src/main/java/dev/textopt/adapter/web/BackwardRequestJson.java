package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** afnio's loss.backward(): feedback on every parameter the traces used, appended to its grad. */
@Schema(description = "Compute gradients from evaluated traces", example = """
        {"traces": [{"trace_id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30"},
                    {"trace_id": "8f2a4c61-0d3e-4b7a-9c5f-1e6d8b2a4c70", "score": 0, "explanation": "The answer must be one word."}],
         "model_client": "openai", "completion_args": {"model": "gpt-4o"}}""")
record BackwardRequestJson(
        List<TraceScoreJson> traces,
        @Schema(description = "The backward model's client; default: the group's of each trace's first parameter")
        @Nullable String modelClient,
        @Schema(description = "Arguments for the backward model") @Nullable Map<String, Object> completionArgs,
        @Schema(description = "A backward prompt of your own, with {conversation}, {output}, {evaluation}, {parameter}, {role}")
        @Nullable List<GroupOptionsJson.MessageJson> messages) {

    @Schema(description = "A trace, with a score of your own or none to use its evaluation")
    record TraceScoreJson(
            String traceId,
            @Schema(description = "From 0 (worst) to 1 (best); wins over the trace's evaluation") @Nullable Double score,
            @Schema(description = "Why it got the score (with score only)") @Nullable String explanation) {
    }
}
