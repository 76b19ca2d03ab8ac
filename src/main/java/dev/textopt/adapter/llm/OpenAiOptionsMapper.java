package dev.textopt.adapter.llm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatModel.ResponseFormat;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * {@code completion_args} for the OpenAI chat completions API (and servers compatible with it): every
 * argument of the API that shapes one text answer, passed through Spring AI's options; those that ask
 * for something else (several answers, a stream, tool calls, audio, log probabilities) are refused,
 * each with the reason.
 */
final class OpenAiOptionsMapper implements OptionsMapper {

    static final Set<String> KNOWN = Set.of("model", "temperature", "top_p", "max_tokens", "max_completion_tokens",
            "reasoning_effort", "seed", "stop", "response_format", "frequency_penalty", "presence_penalty", "logit_bias",
            "user", "service_tier", "verbosity", "store", "metadata", "prompt_cache_key", "n");

    private static final Map<String, String> REFUSED = refused();

    private static final Set<String> REASONING_EFFORTS = Set.of("minimal", "low", "medium", "high");

    private static final Set<String> VERBOSITIES = Set.of("low", "medium", "high");

    private static Map<String, String> refused() {
        Map<String, String> refused = new LinkedHashMap<>(Args.NOT_FOR_ONE_TEXT_ANSWER);
        refused.put("stream_options", Args.STREAMING);
        for (String tools : Set.of("parallel_tool_calls", "functions", "function_call", "web_search_options")) {
            refused.put(tools, Args.TOOLS);
        }
        String logprobs = "only the answer's text is used; log probabilities would be paid for and thrown away";
        refused.put("logprobs", logprobs);
        refused.put("top_logprobs", logprobs);
        refused.put("audio", "the optimizer needs a text answer");
        refused.put("modalities", "the optimizer needs a text answer");
        return Map.copyOf(refused);
    }

    // Jackson 2 is what the OpenAI SDK itself uses; only needed to hand a JSON schema over as text.
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void check(Map<String, Object> args) {
        Args.refuseSenseless(args, REFUSED);
        Args.refuseUnknown(args, KNOWN, "openai");
        Args.checkShared(args);
        Args.integer(args, "seed", false);
        Args.strings(args, "stop");
        String effort = Args.string(args, "reasoning_effort");
        if (effort != null && !REASONING_EFFORTS.contains(effort.toLowerCase(Locale.ROOT))) {
            throw Args.wrongType("reasoning_effort", "one of minimal, low, medium, high");
        }
        responseFormat(args.get("response_format"));
        Args.number(args, "frequency_penalty", -2, 2);
        Args.number(args, "presence_penalty", -2, 2);
        logitBias(args.get("logit_bias"));
        Args.string(args, "user");
        Args.string(args, "service_tier");
        Args.string(args, "prompt_cache_key");
        Args.oneOf(args, "verbosity", VERBOSITIES);
        Args.bool(args, "store");
        Args.texts(args, "metadata", 16);
        Integer n = Args.integer(args, "n", true);
        if (n != null && n > 1) {
            throw new IllegalArgumentException("completion_args.n must be 1: a call uses one answer, and more would be "
                    + "paid for and thrown away");
        }
    }

    @Override
    public ChatOptions toOptions(Map<String, Object> args) {
        OpenAiChatOptions.Builder builder = OpenAiChatOptions.builder()
            .model(requestedModel(args))
            .temperature(Args.number(args, "temperature"))
            .topP(Args.number(args, "top_p"))
            .seed(Args.integer(args, "seed", false))
            .stop(Args.strings(args, "stop"))
            .reasoningEffort(Args.string(args, "reasoning_effort"))
            .frequencyPenalty(Args.number(args, "frequency_penalty", -2, 2))
            .presencePenalty(Args.number(args, "presence_penalty", -2, 2))
            .logitBias(logitBias(args.get("logit_bias")))
            .user(Args.string(args, "user"))
            .serviceTier(Args.string(args, "service_tier"))
            .promptCacheKey(Args.string(args, "prompt_cache_key"))
            .verbosity(Args.string(args, "verbosity"))
            .store(Args.bool(args, "store"))
            .metadata(Args.texts(args, "metadata", 16))
            .n(Args.integer(args, "n", true));
        Integer maxCompletionTokens = Args.integer(args, "max_completion_tokens", true);
        if (maxCompletionTokens != null) {
            builder.maxCompletionTokens(maxCompletionTokens); // the API refuses both; this one wins
        }
        else {
            builder.maxTokens(Args.integer(args, "max_tokens", true));
        }
        ResponseFormat format = responseFormat(args.get("response_format"));
        if (format != null) {
            builder.responseFormat(format);
        }
        return builder.build();
    }

    @Override
    public String requestedModel(Map<String, Object> args) {
        String model = Args.string(args, "model");
        return model != null ? model : OpenAiChatOptions.DEFAULT_CHAT_MODEL;
    }

    /** Token ids (as the API writes them, e.g. "50256") to a bias from -100 to 100. */
    private static Map<String, Integer> logitBias(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Integer> bias = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((token, v) -> {
                if (String.valueOf(token).matches("\\d+") && v instanceof Number number
                        && number.doubleValue() == Math.rint(number.doubleValue()) && Math.abs(number.doubleValue()) <= 100) {
                    bias.put(String.valueOf(token), number.intValue());
                }
            });
        }
        if (!(value instanceof Map<?, ?> map) || bias.size() != map.size()) {
            throw Args.wrongType("logit_bias", "an object of token ids (\"50256\") to whole numbers from -100 to 100");
        }
        return bias;
    }

    /**
     * Accepts the OpenAI API's own shapes: {@code "json_object"}, {@code {"type": "json_object"}}, or
     * {@code {"type": "json_schema", "json_schema": {"schema": {...}}}}.
     */
    private static ResponseFormat responseFormat(Object value) {
        if (value == null) {
            return null;
        }
        Object type = value instanceof Map<?, ?> map ? map.get("type") : value;
        if ("text".equals(type)) {
            return ResponseFormat.builder().type(ResponseFormat.Type.TEXT).build();
        }
        if ("json_object".equals(type)) {
            return ResponseFormat.builder().type(ResponseFormat.Type.JSON_OBJECT).build();
        }
        if ("json_schema".equals(type) && value instanceof Map<?, ?> map
                && map.get("json_schema") instanceof Map<?, ?> jsonSchema
                && jsonSchema.get("schema") instanceof Map<?, ?> schema) {
            try {
                return ResponseFormat.builder().jsonSchema(JSON.writeValueAsString(schema)).build();
            }
            catch (JsonProcessingException e) {
                throw Args.wrongType("response_format", "a JSON schema that can be written as JSON");
            }
        }
        throw Args.wrongType("response_format",
                "\"text\", \"json_object\" or {\"type\": \"json_schema\", \"json_schema\": {\"schema\": {...}}}");
    }
}
