package dev.textopt.adapter.web;

import dev.textopt.session.StoredTrace;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A stored forward call, as {@code GET …/traces/{trace_id}} shows it. */
@Schema(description = "A stored forward call and, once evaluated, its evaluation", example = """
        {"id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30", "index": 0,
         "created_at": "2025-06-01T12:00:00.123456Z", "expires_at": "2025-06-02T12:00:00.123456Z",
         "messages": [{"role": "system", "content": "Repeat the text."}, {"role": "user", "content": "hello world"}],
         "inputs": {"text": "hello world"}, "output": "hello world", "model_client": "openai", "model": "gpt-4o-mini-2024-07-18",
         "params": [{"id": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "version": 0, "data": "Repeat the text."}],
         "usage": {"openai": {"prompt_tokens": 21, "completion_tokens": 3, "total_tokens": 24,
                              "cost": {"amount": 0.0000050, "currency": "USD"}}},
         "evaluation": {"score": 0.0, "explanation": "expected \"HELLO WORLD\", got \"hello world\" (only the letter case differs)",
                        "evaluator": "exact_match"}}""")
record TraceJson(
        UUID id,
        @Schema(description = "The input item's position in its forward request") int index,
        Instant createdAt,
        @Schema(description = "From then on the trace is gone (textopt.training.trace-ttl after created_at)") Instant expiresAt,
        @Schema(description = "The turns the model was sent, exactly") List<TurnJson> messages,
        @Schema(description = "The input item") Map<String, String> inputs,
        String output,
        @Schema(description = "The model client called") String modelClient,
        @Schema(description = "The model that answered, as the provider named it") @Nullable String model,
        @Schema(description = "The parameters the messages inserted: their value then, and the history entry that gave it")
        List<UsedParamJson> params,
        Map<String, UsageJson> usage,
        @Schema(description = "Its evaluation; null until evaluated") @Nullable EvaluationJson evaluation) {

    @Schema(description = "One turn as the model was sent it")
    record TurnJson(@Schema(allowableValues = {"system", "user", "assistant"}) String role, String content) {
    }

    @Schema(description = "A parameter as the trace used it")
    record UsedParamJson(UUID id, @Schema(description = "The history entry that gave it this value") int version, String data) {
    }

    @Schema(description = "A trace's evaluation")
    record EvaluationJson(@Schema(description = "From 0 (worst) to 1 (best)") double score, String explanation,
                          @Schema(allowableValues = {"exact_match", "llm_judge", "http"}) String evaluator) {
    }

    static TraceJson of(StoredTrace t) {
        var evaluation = t.evaluation() == null ? null
                : new EvaluationJson(t.evaluation().score(), t.evaluation().explanation(), t.evaluation().evaluator());
        return new TraceJson(t.id(), t.index(), t.createdAt(), t.expiresAt(),
                t.messages().stream().map(m -> new TurnJson(m.role().name().toLowerCase(Locale.ROOT), m.content())).toList(),
                t.inputs(), t.output(), t.client(), t.model(),
                t.params().stream().map(p -> new UsedParamJson(p.id(), p.version(), p.data())).toList(),
                UsageJson.byClient(Map.of(t.client(), t.usage())), evaluation);
    }
}
