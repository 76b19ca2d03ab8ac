package dev.textopt.adapter.web;

import dev.textopt.session.ForwardOutcome;
import dev.textopt.session.StoredTrace;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The answer of a forward pass: a trace per input item, in input order. */
@Schema(description = "The answer of a forward pass", example = """
        {"traces": [{"id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30", "index": 0, "output": "hello world",
                     "params": [{"id": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "version": 0}],
                     "usage": {"openai": {"prompt_tokens": 21, "completion_tokens": 3, "total_tokens": 24,
                                          "cost": {"amount": 0.0000041, "currency": "USD"}}}}],
         "usage": {"openai": {"prompt_tokens": 21, "completion_tokens": 3, "total_tokens": 24,
                              "cost": {"amount": 0.0000041, "currency": "USD"}}}}""")
record ForwardResultJson(List<TraceSummaryJson> traces,
                         @Schema(description = "What the calls cost, per model client") Map<String, UsageJson> usage) {

    @Schema(description = "One stored forward call")
    record TraceSummaryJson(
            @Schema(description = "For evaluate, backward and GET …/traces/{trace_id}") UUID id,
            @Schema(description = "The input item's position") int index,
            @Schema(description = "What the model answered") String output,
            @Schema(description = "The parameters the messages inserted, with the history entry that gave them their value")
            List<ParamVersionJson> params,
            Map<String, UsageJson> usage) {
    }

    @Schema(description = "A parameter as a trace used it")
    record ParamVersionJson(UUID id, @Schema(description = "The history entry that gave it the value used") int version) {
    }

    static ForwardResultJson of(ForwardOutcome outcome) {
        return new ForwardResultJson(outcome.traces().stream().map(ForwardResultJson::summary).toList(),
                UsageJson.byClient(outcome.usage()));
    }

    private static TraceSummaryJson summary(StoredTrace trace) {
        return new TraceSummaryJson(trace.id(), trace.index(), trace.output(),
                trace.params().stream().map(p -> new ParamVersionJson(p.id(), p.version())).toList(),
                UsageJson.byClient(Map.of(trace.client(), trace.usage())));
    }
}
