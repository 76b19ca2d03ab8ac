package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What evaluate and backward need of a stored forward call; the session layer builds it from storage.
 *
 * @param id       the trace id, as clients refer to it
 * @param messages the turns the forward model was sent
 * @param inputs   the input item they were rendered from
 * @param output   the forward model's reply
 * @param params   the parameters the messages inserted, in message order
 */
public record Trace(String id, List<ChatMessage> messages, Map<String, String> inputs, String output, List<TraceParam> params) {

    public Trace {
        Objects.requireNonNull(id, "id");
        messages = List.copyOf(messages);
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        Objects.requireNonNull(output, "output");
        params = List.copyOf(params);
    }

    public List<String> paramIds() {
        return params.stream().map(TraceParam::id).toList();
    }

    /**
     * The conversation as text: each turn on its own lines, prefixed by its role ("system: …\nuser: …"),
     * as the backward prompt's {@code {conversation}} shows it.
     */
    public String conversation() {
        return String.join("\n", messages.stream().map(m -> m.role().name().toLowerCase(Locale.ROOT) + ": " + m.content()).toList());
    }

    /** The user turns' contents joined with "\n": what the system was asked, for a judge and a gradient's context. */
    public String userInput() {
        return String.join("\n", messages.stream().filter(m -> m.role() == ChatMessage.Role.USER).map(ChatMessage::content).toList());
    }
}
