package dev.textopt.adapter.llm;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * {@code completion_args} for the Anthropic Messages API. What has no Anthropic counterpart is refused
 * by name rather than silently dropped. {@code max_tokens} is mandatory there, so it has a default.
 */
final class AnthropicOptionsMapper implements OptionsMapper {

    static final int DEFAULT_MAX_TOKENS = 4096;

    static final Set<String> KNOWN = Set.of("model", "temperature", "top_p", "max_tokens", "max_completion_tokens",
            "stop");

    /** Arguments the OpenAI API knows but Anthropic has no equivalent for. */
    private static final Set<String> OPENAI_ONLY = Set.of("reasoning_effort", "seed", "response_format");

    @Override
    public void check(Map<String, Object> args) {
        Set<String> openAiOnly = new TreeSet<>(args.keySet());
        openAiOnly.retainAll(OPENAI_ONLY);
        if (!openAiOnly.isEmpty()) {
            throw new IllegalArgumentException("completion_args not supported by anthropic: "
                    + String.join(", ", openAiOnly) + " (they have no equivalent in the Anthropic Messages API)");
        }
        Args.refuseUnknown(args, KNOWN, "anthropic");
        Args.checkShared(args);
        Args.strings(args, "stop");
    }

    @Override
    public ChatOptions toOptions(Map<String, Object> args) {
        Integer maxTokens = Args.integer(args, "max_completion_tokens", true);
        if (maxTokens == null) {
            maxTokens = Args.integer(args, "max_tokens", true);
        }
        return AnthropicChatOptions.builder()
            .model(requestedModel(args))
            .maxTokens(maxTokens != null ? maxTokens : DEFAULT_MAX_TOKENS)
            .temperature(Args.number(args, "temperature"))
            .topP(Args.number(args, "top_p"))
            .stopSequences(Args.strings(args, "stop"))
            .build();
    }

    @Override
    public String requestedModel(Map<String, Object> args) {
        String model = Args.string(args, "model");
        return model != null ? model : AnthropicChatOptions.DEFAULT_MODEL;
    }
}
