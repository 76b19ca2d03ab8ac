package dev.textopt.adapter.web;

import dev.textopt.session.EvaluateOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer of an evaluation: the loss, and each trace's score as it is now stored on the trace. */
@Schema(description = "The answer of an evaluation", example = """
        {"loss": {"score": 0.5, "explanation": "[0] matches\\n[1] expected \\"GOOD MORNING\\", got \\"good morning\\""},
         "results": [{"trace_id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30", "score": 1, "explanation": "matches"},
                     {"trace_id": "8f2a4c61-0d3e-4b7a-9c5f-1e6d8b2a4c70", "score": 0,
                      "explanation": "expected \\"GOOD MORNING\\", got \\"good morning\\""}],
         "usage": {}}""")
record EvaluateResultJson(
        @Schema(description = "The mean score, and each explanation prefixed by its trace's position") BatchLossJson loss,
        List<ResultJson> results,
        @Schema(description = "What the judge's calls cost, per model client; {} for exact_match and http") Map<String, UsageJson> usage) {

    @Schema(description = "The loss of a batch, as afnio's evaluators give it")
    record BatchLossJson(@Schema(description = "The mean score, from 0 to 1") double score, String explanation) {
    }

    @Schema(description = "One trace's evaluation")
    record ResultJson(UUID traceId, @Schema(description = "From 0 (worst) to 1 (best)") double score, String explanation) {
    }

    static EvaluateResultJson of(EvaluateOutcome outcome) {
        return new EvaluateResultJson(new BatchLossJson(outcome.loss().score(), outcome.loss().explanation()),
                outcome.results().stream().map(r -> new ResultJson(r.traceId(), r.evaluation().score(), r.evaluation().explanation())).toList(),
                UsageJson.byClient(outcome.usage()));
    }
}
