package dev.textopt.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Completion;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.ModelClient;
import dev.textopt.optim.TokenUsage;

class AnthropicModelClientTest {

    static final String REPLY = """
            {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-haiku-4-5-20251001",
             "content": [{"type": "text", "text": "<IMPROVED_VARIABLE>Answer in one word.</IMPROVED_VARIABLE>"}],
             "stop_reason": "end_turn", "stop_sequence": null,
             "usage": {"input_tokens": 31, "output_tokens": 9}}
            """;

    static final List<ChatMessage> MESSAGES = List.of(ChatMessage.system("You improve prompts."),
            ChatMessage.user("Improve: classify"), ChatMessage.assistant("Which role?"), ChatMessage.user("System."));

    WireMockServer server;
    TestClients clients = new TestClients();

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    ModelClient client() {
        return clients.client(TestClients.anthropic("http://127.0.0.1:" + server.port()));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void sendsTheSystemPromptApartAndReadsUsage() {
        server.stubFor(post("/v1/messages").willReturn(json(200, REPLY)));

        Completion completion = client().complete(MESSAGES, Map.of("model", "claude-haiku-4-5", "temperature", 0.3,
                "top_p", 0.8, "max_completion_tokens", 512, "stop", "END"));

        assertThat(completion.text()).isEqualTo("<IMPROVED_VARIABLE>Answer in one word.</IMPROVED_VARIABLE>");
        assertThat(completion.usage()).isEqualTo(new TokenUsage(31, 9));
        assertThat(completion.model()).isEqualTo("claude-haiku-4-5-20251001");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/messages"))
            .withHeader("x-api-key", equalTo(TestClients.ANTHROPIC_KEY))
            .withHeader("anthropic-version", matching("\\d{4}-\\d{2}-\\d{2}"))
            .withoutHeader("Authorization")
            .withRequestBody(equalToJson("""
                    {"model": "claude-haiku-4-5", "max_tokens": 512, "temperature": 0.3, "top_p": 0.8,
                     "stop_sequences": ["END"], "system": "You improve prompts.",
                     "messages": [{"role": "user", "content": "Improve: classify"},
                                  {"role": "assistant", "content": "Which role?"},
                                  {"role": "user", "content": "System."}]}
                    """, false, true)));
    }

    @Test
    void defaultsMaxTokensBecauseAnthropicRequiresIt() {
        server.stubFor(post("/v1/messages").willReturn(json(200, REPLY)));

        client().complete(MESSAGES, Map.of("model", "claude-sonnet-4-5"));

        server.verify(postRequestedFor(urlEqualTo("/v1/messages"))
            .withRequestBody(equalToJson("{\"model\": \"claude-sonnet-4-5\", \"max_tokens\": 4096}", false, true)));
    }

    @Test
    void refusesWhatAnthropicCannotDoByName() {
        ModelClient client = client();

        assertThatThrownBy(() -> client.checkCompletionArgs(Map.of("seed", 1, "reasoning_effort", "low")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed")
            .hasMessageContaining("reasoning_effort");
        assertThatThrownBy(() -> client.checkCompletionArgs(Map.of("frequency_penalty", 1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency_penalty");
        client.checkCompletionArgs(Map.of("model", "claude-opus-4-1", "max_tokens", 100, "temperature", 1));
    }

    @Test
    void retriesOverloadedAndGivesUpWithTheStatus() {
        server.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(529, "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}"))
            .willSetStateTo("ok"));
        server.stubFor(post("/v1/messages").inScenario("busy").whenScenarioStateIs("ok")
            .willReturn(json(200, REPLY)));

        assertThat(client().complete(MESSAGES, Map.of()).usage().completionTokens()).isEqualTo(9);
        server.verify(2, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void rateLimitedWithAnHttpDateRetryAfter() {
        server.stubFor(post("/v1/messages").willReturn(json(429,
                "{\"type\": \"error\", \"error\": {\"type\": \"rate_limit_error\", \"message\": \"Too many\"}}")
            .withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")));

        ModelCallException.RateLimited e = catchThrowableOfType(ModelCallException.RateLimited.class,
                () -> client().complete(MESSAGES, Map.of()));

        // a date in the past means "now"
        assertThat(e.retryAfter()).isEqualTo(Duration.ZERO);
        assertThat(e.getMessage()).contains("429").contains("Too many").doesNotContain("SECRET");
        server.verify(4, postRequestedFor(urlEqualTo("/v1/messages")));
    }

    @Test
    void withoutAKeyForTheAnthropicApiTheClientIsNotConfigured() {
        ModelClient client = clients.client(TestClients.settings("anthropic", Provider.ANTHROPIC,
                "https://api.anthropic.com", null, Map.of(), Duration.ofSeconds(1), 0, 1));

        assertThat(client.missingConfiguration()).isPresent();
        assertThatThrownBy(() -> client.complete(MESSAGES, Map.of()))
            .isInstanceOf(ModelCallException.NotConfigured.class);
        assertThat(client.classType()).isEqualTo("AnthropicChatModel");
        assertThat(client.provider()).isEqualTo("anthropic");
    }

    @Test
    void timesOutAndCannotConnectLikeTheOpenAiClient() throws java.io.IOException {
        server.stubFor(post("/v1/messages").willReturn(json(200, REPLY).withFixedDelay(3000)));
        ModelClient slow = clients.client(TestClients.settings("anthropic", Provider.ANTHROPIC,
                "http://127.0.0.1:" + server.port(), TestClients.ANTHROPIC_KEY, Map.of(), Duration.ofMillis(300), 2, 1));
        assertThatThrownBy(() -> slow.complete(MESSAGES, Map.of())).isInstanceOf(ModelCallException.Timeout.class);

        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ModelClient unreachable = clients.client(TestClients.anthropic("http://127.0.0.1:" + closedPort));
        ModelCallException.ProviderError e = catchThrowableOfType(ModelCallException.ProviderError.class,
                () -> unreachable.complete(MESSAGES, Map.of()));
        assertThat(e.status()).isNull();
        assertThat(e.getMessage()).contains("connection refused");
    }
}
