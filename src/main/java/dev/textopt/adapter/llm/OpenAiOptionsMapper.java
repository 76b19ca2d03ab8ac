package dev.textopt.adapter.llm;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.openai.OpenAiChatModel.ResponseFormat;
import org.springframework.ai.openai.OpenAiChatOptions;

/** {@code completion_args} for the OpenAI chat completions API (and servers compatible with it). */
final class OpenAiOptionsMapper implements OptionsMapper {

    static final Set<String> KNOWN = Set.of("model", "temperature", "top_p", "max_tokens", "max_completion_tokens",
            "reasoning_effort", "seed", "stop", "response_format");

    private static final Set<String> REASONING_EFFORTS = Set.of("minimal", "low", "medium", "high");

    // Jackson 2 is what the OpenAI SDK itself uses; only needed to hand a JSON schema over as text.
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void check(Map<String, Object> args) {
        Args.refuseUnknown(args, KNOWN, "openai");
        Args.checkShared(args);
        Args.integer(args, "seed", false);
        Args.strings(args, "stop");
        String effort = Args.string(args, "reasoning_effort");
        if (effort != null && !REASONING_EFFORTS.contains(effort.toLowerCase(Locale.ROOT))) {
            throw Args.wrongType("reasoning_effort", "one of minimal, low, medium, high");
        }
        responseFormat(args.get("response_format"));
    }

    @Override
    public ChatOptions toOptions(Map<String, Object> args) {
        OpenAiChatOptions.Builder builder = OpenAiChatOptions.builder()
            .model(requestedModel(args))
            .temperature(Args.number(args, "temperature"))
            .topP(Args.number(args, "top_p"))
            .seed(Args.integer(args, "seed", false))
            .stop(Args.strings(args, "stop"))
            .reasoningEffort(Args.string(args, "reasoning_effort"));
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
