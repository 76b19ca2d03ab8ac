package dev.textopt.adapter.llm;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.ai.openai.setup.OpenAiSetup;

import com.openai.client.OpenAIClient;

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

    /**
     * A chat model, and how to build what its SDK builds on a first call before that call (false: not done);
     * null when no such warm-up is known for its SDK.
     */
    record Built(ChatModel chatModel, BooleanSupplier warmUp) {
    }

    static Built create(ClientSettings settings, ObservationRegistry observations) {
        var convention = new ClientObservationConvention(settings.name());
        return switch (settings.provider()) {
            case OPENAI -> {
                // An empty key is Spring AI's no-auth mode: no Authorization header at all.
                String apiKey = settings.hasApiKey() ? settings.apiKey() : "";
                OpenAiHttpClientBuilderCustomizer pool = http -> http.maxIdleConnections(settings.maxConcurrency())
                    .keepAliveDuration(KEEP_ALIVE);
                // Set up here as the model's builder would, so that it can be warmed up (OpenAiWarmUp).
                OpenAIClient client = OpenAiSetup.setupSyncClient(settings.baseUrl(), apiKey, null, null, null, null, false,
                        false, null, settings.timeout(), 0, null, null, observations, null, List.of(pool));
                var model = OpenAiChatModel.builder()
                    .openAiClient(client)
                    .options(OpenAiChatOptions.builder()
                        .baseUrl(settings.baseUrl())
                        .apiKey(apiKey)
                        .timeout(settings.timeout())
                        .maxRetries(0)
                        .build())
                    .httpClientBuilderCustomizer(pool)
                    .observationRegistry(observations)
                    .build();
                model.setObservationConvention(convention);
                yield new Built(model, () -> OpenAiWarmUp.warm(client));
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
                yield new Built(model, null);
            }
        };
    }
}
