package dev.textopt.adapter.llm;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Builds Spring AI chat models in code from our settings, never from Spring AI's own properties or
 * the environment: the base URL and key are always passed explicitly (so the SDKs do not read
 * OPENAI_API_KEY / ANTHROPIC_API_KEY behind our back), and the SDKs' own retries are off.
 */
final class ChatModelFactory {

    /** The Anthropic SDK insists on some credential; a local server without auth gets this one. */
    private static final String NO_KEY = "none";

    private ChatModelFactory() {
    }

    static ChatModel create(ClientSettings settings) {
        return switch (settings.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                    .baseUrl(settings.baseUrl())
                    // An empty key is Spring AI's no-auth mode: no Authorization header at all.
                    .apiKey(settings.hasApiKey() ? settings.apiKey() : "")
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .build())
                .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                .options(AnthropicChatOptions.builder()
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.hasApiKey() ? settings.apiKey() : NO_KEY)
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .build())
                .build();
        };
    }
}
