package dev.textopt.adapter.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.anthropic.models.messages.Metadata;

import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.anthropic.AnthropicServiceTier;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * {@code completion_args} for the Anthropic Messages API. What has no Anthropic counterpart is refused
 * by name rather than silently dropped, and what asks for something else than one text answer (a
 * stream, tool use) with the reason. {@code max_tokens} is mandatory there, so it has a default.
 */
final class AnthropicOptionsMapper implements OptionsMapper {

    static final int DEFAULT_MAX_TOKENS = 4096;

    /** The least thinking budget the Messages API takes. */
    static final int MIN_THINKING_BUDGET = 1024;

    static final Set<String> KNOWN = Set.of("model", "temperature", "top_p", "top_k", "max_tokens", "max_completion_tokens",
            "stop", "stop_sequences", "metadata", "thinking", "service_tier");

    /** Arguments the OpenAI API knows but Anthropic has no equivalent for. */
    private static final Set<String> OPENAI_ONLY = Set.of("reasoning_effort", "seed", "response_format", "frequency_penalty",
            "presence_penalty", "logit_bias", "user", "verbosity", "store", "n", "prompt_cache_key", "logprobs", "top_logprobs");

    private static final Map<String, String> REFUSED = refused();

    private static Map<String, String> refused() {
        Map<String, String> refused = new LinkedHashMap<>(Args.NOT_FOR_ONE_TEXT_ANSWER);
        refused.put("system", Args.MESSAGES);
        return Map.copyOf(refused);
    }

    @Override
    public void check(Map<String, Object> args) {
        Set<String> openAiOnly = new TreeSet<>(args.keySet());
        openAiOnly.retainAll(OPENAI_ONLY);
        if (!openAiOnly.isEmpty()) {
            throw new IllegalArgumentException("completion_args not supported by anthropic: "
                    + String.join(", ", openAiOnly) + " (they have no equivalent in the Anthropic Messages API)");
        }
        Args.refuseSenseless(args, REFUSED);
        Args.refuseUnknown(args, KNOWN, "anthropic");
        Args.checkShared(args);
        Args.integer(args, "top_k", true);
        stopSequences(args);
        metadata(args.get("metadata"));
        Args.oneOf(args, "service_tier", Set.of("auto", "standard_only"));
        Integer budget = thinkingBudget(args.get("thinking"));
        if (budget != null) {
            checkWithThinking(args, budget);
        }
    }

    @Override
    public ChatOptions toOptions(Map<String, Object> args) {
        AnthropicChatOptions.Builder builder = AnthropicChatOptions.builder()
            .model(requestedModel(args))
            .maxTokens(maxTokens(args))
            .temperature(Args.number(args, "temperature"))
            .topP(Args.number(args, "top_p"))
            .topK(Args.integer(args, "top_k", true))
            .stopSequences(stopSequences(args))
            .metadata(metadata(args.get("metadata")));
        String tier = Args.string(args, "service_tier");
        if (tier != null) {
            builder.serviceTier(AnthropicServiceTier.valueOf(tier.toUpperCase(Locale.ROOT)));
        }
        if (args.get("thinking") instanceof Map<?, ?> thinking) {
            switch (String.valueOf(thinking.get("type"))) {
                case "enabled" -> builder.thinkingEnabled(thinkingBudget(thinking));
                case "adaptive" -> builder.thinkingAdaptive();
                default -> builder.thinkingDisabled();
            }
        }
        return builder.build();
    }

    @Override
    public String requestedModel(Map<String, Object> args) {
        String model = Args.string(args, "model");
        return model != null ? model : AnthropicChatOptions.DEFAULT_MODEL;
    }

    private static int maxTokens(Map<String, Object> args) {
        Integer maxTokens = Args.integer(args, "max_completion_tokens", true);
        if (maxTokens == null) {
            maxTokens = Args.integer(args, "max_tokens", true);
        }
        return maxTokens != null ? maxTokens : DEFAULT_MAX_TOKENS;
    }

    /** {@code stop} (the OpenAI name, which textopt has always taken) or {@code stop_sequences}, Anthropic's own. */
    private static List<String> stopSequences(Map<String, Object> args) {
        if (args.containsKey("stop") && args.containsKey("stop_sequences")) {
            throw new IllegalArgumentException("completion_args: give stop or stop_sequences, not both (they are the same)");
        }
        return Args.strings(args, args.containsKey("stop") ? "stop" : "stop_sequences");
    }

    /** The Messages API's metadata: {@code {"user_id": "…"}}, nothing else. */
    private static Metadata metadata(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map) || !Set.of("user_id").containsAll(map.keySet())
                || map.get("user_id") != null && !(map.get("user_id") instanceof String)) {
            throw Args.wrongType("metadata", "{\"user_id\": \"…\"}, the one key of Anthropic's metadata");
        }
        return Metadata.builder().userId((String) map.get("user_id")).build();
    }

    /**
     * {@code {"type": "enabled", "budget_tokens": n}}, {@code {"type": "disabled"}} or {@code {"type": "adaptive"}};
     * the budget when enabled, else null.
     */
    private static Integer thinkingBudget(Object value) {
        if (value == null) {
            return null;
        }
        String expected = "{\"type\": \"enabled\", \"budget_tokens\": " + MIN_THINKING_BUDGET + " or more}, "
                + "{\"type\": \"adaptive\"} or {\"type\": \"disabled\"}";
        if (!(value instanceof Map<?, ?> thinking) || !(thinking.get("type") instanceof String type)) {
            throw Args.wrongType("thinking", expected);
        }
        if (type.equals("enabled") && thinking.keySet().equals(Set.of("type", "budget_tokens"))
                && thinking.get("budget_tokens") instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= MIN_THINKING_BUDGET && n.doubleValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (Set.of("disabled", "adaptive").contains(type) && thinking.keySet().equals(Set.of("type"))) {
            return null;
        }
        throw Args.wrongType("thinking", expected);
    }

    /** What the Messages API refuses beside enabled thinking, refused when the group is created instead. */
    private static void checkWithThinking(Map<String, Object> args, int budget) {
        if (maxTokens(args) <= budget) {
            throw new IllegalArgumentException("completion_args.thinking.budget_tokens must be below max_tokens ("
                    + maxTokens(args) + "): the answer's text comes after the thinking, within max_tokens");
        }
        Double temperature = Args.number(args, "temperature");
        Double topP = Args.number(args, "top_p");
        if (temperature != null && temperature != 1.0 || args.containsKey("top_k") || topP != null && topP < 0.95) {
            throw new IllegalArgumentException("completion_args: with thinking enabled, Anthropic takes no top_k, "
                    + "temperature 1 only and top_p from 0.95 to 1");
        }
    }
}
