package dev.textopt.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.ModelClient;

/**
 * Every completion argument of the providers' chat APIs that shapes one text answer reaches the request
 * the provider gets, under its API name; those that ask for something else are refused with the reason.
 */
class CompletionArgsTest {

    static final List<ChatMessage> MESSAGES = List.of(ChatMessage.system("You improve prompts."), ChatMessage.user("Improve: x"));

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

    ModelClient openAi() {
        return clients.client(TestClients.openAi("http://127.0.0.1:" + server.port() + "/v1"));
    }

    ModelClient anthropic() {
        return clients.client(TestClients.anthropic("http://127.0.0.1:" + server.port()));
    }

    static Map<String, Object> args(Object... keyValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            args.put((String) keyValues[i], keyValues[i + 1]);
        }
        return args;
    }

    @Test
    void theOpenAiArgumentsBeyondTheFirstNineReachTheRequest() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody(OpenAiModelClientTest.REPLY)));
        Map<String, Object> args = args("model", "gpt-5", "frequency_penalty", -0.5, "presence_penalty", 1.5,
                "logit_bias", Map.of("50256", -100), "user", "team-a", "service_tier", "flex", "verbosity", "low",
                "store", false, "metadata", Map.of("run", "nightly"), "prompt_cache_key", "tgd-v1", "n", 1);
        ModelClient client = openAi();
        client.checkCompletionArgs(args);

        client.complete(MESSAGES, args);

        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
                {"model": "gpt-5", "frequency_penalty": -0.5, "presence_penalty": 1.5, "logit_bias": {"50256": -100},
                 "user": "team-a", "service_tier": "flex", "verbosity": "low", "store": false,
                 "metadata": {"run": "nightly"}, "prompt_cache_key": "tgd-v1", "n": 1}
                """, false, true)));
    }

    @Test
    void openAiRefusesWhatIsNotOneTextAnswerSayingWhy() {
        ModelClient client = openAi();

        assertThatThrownBy(() -> client.checkCompletionArgs(args("n", 3)))
            .hasMessageContaining("completion_args.n must be 1").hasMessageContaining("thrown away");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("stream", true, "tools", List.of(), "logprobs", true)))
            .hasMessageContaining("logprobs (only the answer's text is used")
            .hasMessageContaining("stream (a call reads one whole answer")
            .hasMessageContaining("tools (the optimizer asks for a text answer, not for tool or function calls)");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("messages", List.of())))
            .hasMessageContaining("built from the group's messages option");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("modalities", List.of("audio"))))
            .hasMessageContaining("needs a text answer");
        server.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void openAiRefusesIllTypedNewArgumentsByName() {
        ModelClient client = openAi();

        assertThatThrownBy(() -> client.checkCompletionArgs(args("frequency_penalty", 3))).hasMessageContaining("frequency_penalty")
            .hasMessageContaining("from -2.0 to 2.0");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("logit_bias", Map.of("a token", 1))))
            .hasMessageContaining("logit_bias");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("logit_bias", Map.of("50256", 101))))
            .hasMessageContaining("-100 to 100");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("verbosity", "chatty"))).hasMessageContaining("high, low, medium");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("store", "yes"))).hasMessageContaining("store must be true or false");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("metadata", Map.of("n", 1)))).hasMessageContaining("metadata");
    }

    static final String ANTHROPIC_REPLY = """
            {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
             "content": [{"type": "thinking", "thinking": "The feedback asks for one word.", "signature": "sig"},
                         {"type": "text", "text": "<IMPROVED_VARIABLE>Answer in one word.</IMPROVED_VARIABLE>"}],
             "stop_reason": "end_turn", "stop_sequence": null, "usage": {"input_tokens": 31, "output_tokens": 90}}
            """;

    @Test
    void theAnthropicArgumentsReachTheRequestAndThinkingIsNotTakenForTheAnswer() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody(ANTHROPIC_REPLY)));
        Map<String, Object> args = args("model", "claude-sonnet-4-5", "max_tokens", 8000, "metadata", Map.of("user_id", "team-a"),
                "thinking", Map.of("type", "enabled", "budget_tokens", 2048), "stop_sequences", List.of("END"), "service_tier", "auto");
        ModelClient client = anthropic();
        client.checkCompletionArgs(args);

        String text = client.complete(MESSAGES, args).text();

        assertThat(text).isEqualTo("<IMPROVED_VARIABLE>Answer in one word.</IMPROVED_VARIABLE>");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/messages")).withRequestBody(equalToJson("""
                {"model": "claude-sonnet-4-5", "max_tokens": 8000, "metadata": {"user_id": "team-a"},
                 "thinking": {"type": "enabled", "budget_tokens": 2048}, "stop_sequences": ["END"], "service_tier": "auto"}
                """, false, true)));
    }

    @Test
    void topKReachesAnthropic() {
        server.stubFor(post("/v1/messages").willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody(ANTHROPIC_REPLY)));

        anthropic().complete(MESSAGES, args("top_k", 40, "temperature", 0.2));

        server.verify(1, postRequestedFor(urlEqualTo("/v1/messages"))
            .withRequestBody(equalToJson("{\"top_k\": 40, \"temperature\": 0.2}", false, true)));
    }

    @Test
    void anthropicRefusesWhatItsApiWouldRefuseSayingWhy() {
        ModelClient client = anthropic();

        assertThatThrownBy(() -> client.checkCompletionArgs(args("stream", true, "system", "x")))
            .hasMessageContaining("stream (a call reads one whole answer").hasMessageContaining("system (the conversation is built");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("thinking", Map.of("type", "enabled", "budget_tokens", 512))))
            .hasMessageContaining("1024 or more");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("thinking", Map.of("type", "enabled", "budget_tokens", 4096))))
            .hasMessageContaining("must be below max_tokens (4096)");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("thinking", Map.of("type", "enabled", "budget_tokens", 2048),
                "temperature", 0.2))).hasMessageContaining("temperature 1 only");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("metadata", Map.of("team", "a"))))
            .hasMessageContaining("user_id");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("stop", "A", "stop_sequences", List.of("B"))))
            .hasMessageContaining("not both");
        assertThatThrownBy(() -> client.checkCompletionArgs(args("presence_penalty", 1, "user", "x")))
            .hasMessageContaining("no equivalent in the Anthropic Messages API").hasMessageContaining("presence_penalty, user");
        client.checkCompletionArgs(args("thinking", Map.of("type", "disabled"), "top_k", 5));
    }
}
