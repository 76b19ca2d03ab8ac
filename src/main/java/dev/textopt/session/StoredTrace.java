package dev.textopt.session;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Usage;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One forward call as stored: what evaluate and backward need of it, and what {@code GET …/traces/{id}}
 * shows. Expires at {@code expiresAt}; from then on it is treated as absent.
 *
 * @param index      the item's position in its forward request's inputs
 * @param messages   the turns the model was sent, exactly
 * @param client     the model client that answered
 * @param model      the model that answered, as the provider named it (may be null)
 * @param params     each parameter the messages inserted, with its value and value version
 * @param evaluation its evaluation, or null until evaluated
 */
public record StoredTrace(UUID id, UUID sessionId, int index, Instant createdAt, Instant expiresAt, List<ChatMessage> messages,
        Map<String, String> inputs, String output, String client, String model, Usage usage, List<UsedParam> params,
        TraceEvaluation evaluation) {

    public StoredTrace {
        Objects.requireNonNull(id, "id");
        messages = List.copyOf(messages);
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(usage, "usage");
        params = List.copyOf(params);
    }

    /**
     * A parameter as the trace used it: its value then, and its version, the number of the history entry
     * that gave it that value (the entry it joined after, if none did since).
     */
    public record UsedParam(UUID id, int version, String data) {
    }

    /** A score from 0 to 1, why, and which evaluator gave it ({@code exact_match}, {@code llm_judge}, {@code http}, {@code request}). */
    public record TraceEvaluation(double score, String explanation, String evaluator) {
    }

    public StoredTrace evaluated(TraceEvaluation evaluation) {
        return new StoredTrace(id, sessionId, index, createdAt, expiresAt, messages, inputs, output, client, model, usage, params,
                evaluation);
    }
}
