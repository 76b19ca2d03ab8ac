package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import java.util.List;
import java.util.Objects;

/**
 * One turn of a prompt as a request writes it (afnio's {@code {"role": …, "content": [...]}}), before it
 * is checked and rendered: forward {@code messages}, and custom judge or backward {@code messages}.
 */
public record PromptTurn(ChatMessage.Role role, List<ContentItem> content) {

    public PromptTurn {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(content);
    }

    public static PromptTurn of(ChatMessage.Role role, ContentItem... content) {
        return new PromptTurn(role, List.of(content));
    }

    public static PromptTurn system(ContentItem... content) {
        return of(ChatMessage.Role.SYSTEM, content);
    }

    public static PromptTurn user(ContentItem... content) {
        return of(ChatMessage.Role.USER, content);
    }
}
