package dev.textopt.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Completion;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.ModelClient;
import dev.textopt.optim.TokenUsage;

@ExtendWith(OutputCaptureExtension.class)
class OpenAiModelClientTest {

    static final String REPLY = """
            {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-2024-08-06",
             "choices": [{"index": 0, "finish_reason": "stop", "logprobs": null,
                          "message": {"role": "assistant", "content": "<IMPROVED_VARIABLE>Be brief.</IMPROVED_VARIABLE>", "refusal": null}}],
             "usage": {"prompt_tokens": 42, "completion_tokens": 7, "total_tokens": 49}}
            """;

    static final List<ChatMessage> MESSAGES = List.of(ChatMessage.system("You improve prompts."),
            ChatMessage.user("Improve: be short"), ChatMessage.assistant("Which role?"), ChatMessage.user("System."));

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

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    ModelClient client() {
        return clients.client(TestClients.openAi(baseUrl()));
    }

    void stubReply() {
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(REPLY)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
            .withBody("{\"error\": {\"message\": \"" + message + "\", \"type\": \"x\", \"code\": null, \"param\": null}}");
    }

    @Test
    void sendsMessagesAndOptionsAndReadsTextUsageAndModel() {
        stubReply();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("model", "gpt-4o");
        args.put("temperature", 0.5);
        args.put("top_p", 0.9);
        args.put("max_completion_tokens", 256);
        args.put("seed", 7);
        args.put("stop", List.of("END", "STOP"));
        args.put("reasoning_effort", "low");
        args.put("response_format", Map.of("type", "json_object"));

        Completion completion = client().complete(MESSAGES, args);

        assertThat(completion.text()).isEqualTo("<IMPROVED_VARIABLE>Be brief.</IMPROVED_VARIABLE>");
        assertThat(completion.usage()).isEqualTo(new TokenUsage(42, 7));
        assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.OPENAI_KEY))
            .withRequestBody(equalToJson("""
                    {"model": "gpt-4o", "temperature": 0.5, "top_p": 0.9, "max_completion_tokens": 256, "seed": 7,
                     "stop": ["END", "STOP"], "reasoning_effort": "low", "response_format": {"type": "json_object"},
                     "messages": [{"role": "system", "content": "You improve prompts."},
                                  {"role": "user", "content": "Improve: be short"},
                                  {"role": "assistant", "content": "Which role?"},
                                  {"role": "user", "content": "System."}]}
                    """, false, true)));
        assertThat(clients.registry.get(ModelMetrics.CALLS).tags("client", "openai", "model", "gpt-4o", "outcome",
                "success").counter().count()).isEqualTo(1);
        assertThat(clients.registry.get(ModelMetrics.LATENCY).tags("outcome", "success").timer().count())
            .isEqualTo(1);
        // Tokens and the time of each attempt are Spring AI's, tagged with the client's name.
        assertThat(clients.registry.get("gen_ai.client.token.usage").tags("textopt.client", "openai",
                "gen_ai.request.model", "gpt-4o", "gen_ai.token.type", "input").counter().count()).isEqualTo(42);
        assertThat(clients.registry.get("gen_ai.client.token.usage").tags("gen_ai.token.type", "output").counter()
            .count()).isEqualTo(7);
        assertThat(clients.registry.get("gen_ai.client.operation").tags("textopt.client", "openai",
                "gen_ai.response.model", "gpt-4o-2024-08-06").timer().count()).isEqualTo(1);
    }

    @Test
    void callArgumentsOverrideTheClientDefaults() {
        stubReply();
        ModelClient client = clients.client(TestClients.settings("openai", Provider.OPENAI, baseUrl(),
                TestClients.OPENAI_KEY, Map.of("model", "gpt-4o-mini", "temperature", 0.1), Duration.ofSeconds(5), 0,
                4));

        client.complete(MESSAGES, Map.of("temperature", 1.0));

        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withRequestBody(equalToJson("{\"model\": \"gpt-4o-mini\", \"temperature\": 1.0}", false, true)));
    }

    @Test
    void waitsAsLongAsRetryAfterSaysThenSucceeds() {
        server.stubFor(post("/v1/chat/completions").inScenario("429").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(429, "slow down").withHeader("Retry-After", "1")).willSetStateTo("ok"));
        server.stubFor(post("/v1/chat/completions").inScenario("429").whenScenarioStateIs("ok")
            .willReturn(okJson(REPLY)));

        Completion completion = client().complete(MESSAGES, Map.of("model", "gpt-4o"));

        assertThat(completion.usage().promptTokens()).isEqualTo(42);
        assertThat(clients.sleeper.waits).containsExactly(Duration.ofSeconds(1));
        server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(clients.registry.get(ModelMetrics.FAILURES).tags("reason", "rate_limited").counter().count())
            .isEqualTo(1);
        // One call to us, two attempts to Spring AI: its timer sees each.
        assertThat(clients.registry.get(ModelMetrics.CALLS).counters()).hasSize(1);
        assertThat(clients.registry.get("gen_ai.client.operation").timers().stream().mapToLong(t -> t.count()).sum())
            .isEqualTo(2);
    }

    @Test
    void retryAfterLongerThanTheCapIsCut() {
        server.stubFor(post("/v1/chat/completions").inScenario("429").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(429, "slow down").withHeader("Retry-After", "3600")).willSetStateTo("ok"));
        server.stubFor(post("/v1/chat/completions").inScenario("429").whenScenarioStateIs("ok")
            .willReturn(okJson(REPLY)));

        client().complete(MESSAGES, Map.of());

        assertThat(clients.sleeper.waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void keepsBeingRateLimitedEndsInRateLimitedWithRetryAfter() {
        server.stubFor(post("/v1/chat/completions").willReturn(error(429, "slow down").withHeader("Retry-After", "1")));

        ModelCallException.RateLimited e = catchThrowableOfType(ModelCallException.RateLimited.class,
                () -> client().complete(MESSAGES, Map.of()));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e.getMessage()).contains("429").contains("slow down");
        server.verify(4, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void retriesServerErrorsWithGrowingBackoff() {
        server.stubFor(post("/v1/chat/completions").inScenario("500").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(500, "oops")).willSetStateTo("again"));
        server.stubFor(post("/v1/chat/completions").inScenario("500").whenScenarioStateIs("again")
            .willReturn(error(503, "busy")).willSetStateTo("ok"));
        server.stubFor(post("/v1/chat/completions").inScenario("500").whenScenarioStateIs("ok")
            .willReturn(okJson(REPLY)));

        Completion completion = client().complete(MESSAGES, Map.of());

        assertThat(completion.text()).contains("Be brief.");
        server.verify(3, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(clients.sleeper.waits).hasSize(2);
        // base 5 ms, equal jitter: first wait in [2, 5], second in [5, 10]
        assertThat(clients.sleeper.waits.get(0)).isBetween(Duration.ofMillis(2), Duration.ofMillis(5));
        assertThat(clients.sleeper.waits.get(1)).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
    }

    @Test
    void givesUpAfterMaxRetriesWithTheStatus() {
        server.stubFor(post("/v1/chat/completions").willReturn(error(500, "oops")));

        ModelCallException.ProviderError e = catchThrowableOfType(ModelCallException.ProviderError.class,
                () -> client().complete(MESSAGES, Map.of("model", "gpt-4o")));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.getMessage()).contains("HTTP 500").contains("4 attempts").contains("oops");
        server.verify(4, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(clients.registry.get(ModelMetrics.CALLS).tags("outcome", "provider_error").counter().count())
            .isEqualTo(1);
        assertThat(clients.registry.get(ModelMetrics.FAILURES).tags("reason", "server_error").counter().count())
            .isEqualTo(4);
    }

    @Test
    void doesNotRetryBadRequests() {
        server.stubFor(post("/v1/chat/completions").willReturn(error(400, "bad temperature")));

        ModelCallException.ProviderError e = catchThrowableOfType(ModelCallException.ProviderError.class,
                () -> client().complete(MESSAGES, Map.of()));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).contains("bad temperature");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(clients.sleeper.waits).isEmpty();
    }

    @Test
    void retriesRequestTimeout408() {
        server.stubFor(post("/v1/chat/completions").inScenario("408").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(408, "too slow")).willSetStateTo("ok"));
        server.stubFor(post("/v1/chat/completions").inScenario("408").whenScenarioStateIs("ok")
            .willReturn(okJson(REPLY)));

        client().complete(MESSAGES, Map.of());

        server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void aCallThatOutlivesItsTimeoutIsATimeout() {
        server.stubFor(post("/v1/chat/completions").willReturn(okJson(REPLY).withFixedDelay(3000)));
        ModelClient client = clients.client(TestClients.settings("openai", Provider.OPENAI, baseUrl(),
                TestClients.OPENAI_KEY, Map.of(), Duration.ofMillis(300), 3, 4));

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.complete(MESSAGES, Map.of()))
            .isInstanceOf(ModelCallException.Timeout.class).hasMessageContaining("300 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void connectionRefusedIsAProviderErrorWithoutStatusAfterRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ModelClient client = clients.client(TestClients.openAi("http://127.0.0.1:" + closedPort + "/v1"));

        ModelCallException.ProviderError e = catchThrowableOfType(ModelCallException.ProviderError.class,
                () -> client.complete(MESSAGES, Map.of()));

        assertThat(e.status()).isNull();
        assertThat(e.getMessage()).contains("could not reach 127.0.0.1:" + closedPort).contains("connection refused");
        assertThat(clients.sleeper.waits).hasSize(3);
    }

    @Test
    void refusesUnknownAndIllTypedArgumentsByName() {
        ModelClient client = client();

        assertThatThrownBy(() -> client.checkCompletionArgs(Map.of("temprature", 0.2, "model", "gpt-4o")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temprature");
        assertThatThrownBy(() -> client.checkCompletionArgs(Map.of("temperature", "hot")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("temperature");
        assertThatThrownBy(() -> client.checkCompletionArgs(Map.of("max_completion_tokens", 1.5)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_completion_tokens");
        assertThatThrownBy(() -> client.checkCompletionArgs(Map.of("reasoning_effort", "extreme")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reasoning_effort");
        assertThatThrownBy(() -> client.checkCompletionArgs(Map.of("response_format", 3)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("response_format");
        client.checkCompletionArgs(Map.of("model", "gpt-5", "temperature", 1, "max_tokens", 10, "stop", "END",
                "response_format", "text"));
        server.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void withoutAKeyForThePublicApiTheClientSaysWhatIsMissingAndRefusesCalls() {
        ModelClient client = clients.client(TestClients.settings("openai", Provider.OPENAI,
                "https://api.openai.com/v1", "", Map.of(), Duration.ofSeconds(1), 0, 1));

        assertThat(client.missingConfiguration()).contains("set KEY_OF_openai");
        assertThatThrownBy(() -> client.complete(MESSAGES, Map.of()))
            .isInstanceOf(ModelCallException.NotConfigured.class).hasMessageContaining("KEY_OF_openai");
        assertThat(clients.registry.get(ModelMetrics.CALLS).tags("outcome", "not_configured").counter().count())
            .isEqualTo(1);
    }

    @Test
    void aLocalServerNeedsNoKeyAndGetsNoAuthorizationHeader() {
        stubReply();
        ModelClient client = clients.client(TestClients.settings("ollama", Provider.OPENAI, baseUrl(), null,
                Map.of("model", "llama3.2"), Duration.ofSeconds(5), 0, 1));

        assertThat(client.missingConfiguration()).isEmpty();
        client.complete(MESSAGES, Map.of());

        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withoutHeader("Authorization"));
    }

    @Test
    void theKeyNeverAppearsInMessagesOrLogs(CapturedOutput output) {
        // Everything at DEBUG, Spring AI, the SDK and OkHttp included, to be sure none of them logs the key.
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        try {
            callWithBadKeyAndFailingServer(output);
        }
        finally {
            root.setLevel(before);
        }
    }

    private void callWithBadKeyAndFailingServer(CapturedOutput output) {
        server.stubFor(post("/v1/chat/completions")
            .willReturn(error(401, "Incorrect API key provided: " + TestClients.OPENAI_KEY)));

        ModelCallException.ProviderError e = catchThrowableOfType(ModelCallException.ProviderError.class,
                () -> client().complete(MESSAGES, Map.of()));
        server.stubFor(post("/v1/chat/completions").willReturn(error(503, "down")));
        ModelCallException.ProviderError down = catchThrowableOfType(ModelCallException.ProviderError.class,
                () -> client().complete(MESSAGES, Map.of()));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("401").contains("Incorrect API key provided").doesNotContain("SECRET");
        assertThat(down.getMessage()).doesNotContain("SECRET");
        assertThat(client().toString()).doesNotContain("SECRET");
        assertThat(output.getAll()).contains("retrying in") // the capture sees our logging
            .doesNotContain(TestClients.OPENAI_KEY).doesNotContain("SECRET");
    }
}
