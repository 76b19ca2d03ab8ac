package dev.textopt.adapter.llm;

import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Builds Spring AI chat models in code from our settings, never from Spring AI's own properties or
 * the environment: the base URL and key are always passed explicitly (so the SDKs do not read
 * OPENAI_API_KEY / ANTHROPIC_API_KEY behind our back), and the SDKs' own retries are off.
 *
 * <p>The HTTP connection pool keeps as many idle connections as the client may have calls in flight.
 * OkHttp's default keeps 5: a step of 32 parameters would then close 27 connections after every step
 * and open them again (a TCP and TLS handshake each) at the start of the next one.
 */
final class ChatModelFactory {

    /** The Anthropic SDK insists on some credential; a local server without auth gets this one. */
    private static final String NO_KEY = "none";

    /** How long an idle connection is kept: OkHttp's default, longer than a step's pause between calls. */
    private static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

    private ChatModelFactory() {
    }

    static ChatModel create(ClientSettings settings, ObservationRegistry observations) {
        var convention = new ClientObservationConvention(settings.name());
        return switch (settings.provider()) {
            case OPENAI -> {
                var model = OpenAiChatModel.builder()
                    .options(OpenAiChatOptions.builder()
                        .baseUrl(settings.baseUrl())
                        // An empty key is Spring AI's no-auth mode: no Authorization header at all.
                        .apiKey(settings.hasApiKey() ? settings.apiKey() : "")
                        .timeout(settings.timeout())
                        .maxRetries(0)
                        .build())
                    .httpClientBuilderCustomizer(http -> http.maxIdleConnections(settings.maxConcurrency()).keepAliveDuration(KEEP_ALIVE))
                    .observationRegistry(observations)
                    .build();
                model.setObservationConvention(convention);
                yield model;
            }
            case ANTHROPIC -> {
                var model = AnthropicChatModel.builder()
                    .options(AnthropicChatOptions.builder()
                        .baseUrl(settings.baseUrl())
                        .apiKey(settings.hasApiKey() ? settings.apiKey() : NO_KEY)
                        .timeout(settings.timeout())
                        .maxRetries(0)
                        .build())
                    .httpClientBuilderCustomizer(http -> http.maxIdleConnections(settings.maxConcurrency()).keepAliveDuration(KEEP_ALIVE))
                    .observationRegistry(observations)
                    .build();
                model.setObservationConvention(convention);
                yield model;
            }
        };
    }
}
