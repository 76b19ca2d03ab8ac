package dev.textopt.optim;

import java.util.Map;
import java.util.Objects;

/** One turn of the optimizer conversation before its placeholders are filled in. */
public record MessageTemplate(ChatMessage.Role role, PromptTemplate template) {

    public MessageTemplate {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(template, "template");
    }

    public ChatMessage render(Map<String, String> values) {
        return new ChatMessage(role, template.render(values));
    }
}
