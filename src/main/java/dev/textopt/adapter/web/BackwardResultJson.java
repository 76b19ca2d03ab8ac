package dev.textopt.adapter.web;

import dev.textopt.session.BackwardOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer of a backward pass: the gradients appended, in the order they were appended. */
@Schema(description = "The answer of a backward pass", example = """
        {"gradients": [{"param_id": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "trace_id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30",
                        "data": "Ask for the text in capital letters."}],
         "usage": {"openai": {"prompt_tokens": 412, "completion_tokens": 38, "total_tokens": 450,
                              "cost": {"amount": 0.00141, "currency": "USD"}}}}""")
record BackwardResultJson(List<GradientOutJson> gradients,
                          @Schema(description = "What the calls cost, per model client") Map<String, UsageJson> usage) {

    @Schema(description = "Feedback appended to a parameter's grad (GET the parameter for its role and context)")
    record GradientOutJson(UUID paramId, UUID traceId, String data) {
    }

    static BackwardResultJson of(BackwardOutcome outcome) {
        return new BackwardResultJson(outcome.gradients().stream()
                .map(g -> new GradientOutJson(UUID.fromString(g.paramId()), UUID.fromString(g.traceId()), g.gradient().data())).toList(),
                UsageJson.byClient(outcome.usage()));
    }
}
