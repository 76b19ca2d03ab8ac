package dev.textopt.optim;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port to a language model: one call, messages and options in, text and usage out. Adapters
 * implement it; the core and its tests only see this interface.
 */
public interface ModelClient {

    /** The configured name sessions refer to, e.g. "openai". */
    String name();

    /** "openai" or "anthropic". */
    String provider();

    /** What a state dict records as {@code class_type}, e.g. "OpenAiChatModel". */
    String classType();

    /**
     * One completion. {@code completionArgs} are the group's {@code completion_args} over the client's
     * own defaults. Throws a {@link ModelCallException} when the call fails for good.
     */
    Completion complete(List<ChatMessage> messages, Map<String, Object> completionArgs);

    /** Refuses completion arguments this client does not understand, naming them. */
    default void checkCompletionArgs(Map<String, Object> completionArgs) {
    }

    /** Empty when the client can be called; otherwise what an operator must do (e.g. "set OPENAI_API_KEY"). */
    default Optional<String> missingConfiguration() {
        return Optional.empty();
    }
}
