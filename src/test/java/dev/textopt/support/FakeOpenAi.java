package dev.textopt.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenAI-compatible provider over real HTTP on loopback (WireMock). Tests say what it answers to a
 * prompt containing some text; a prompt nobody stubbed gets a 500.
 */
public final class FakeOpenAi implements AutoCloseable {

    public static final String API_KEY = "sk-test-fake-key-0123456789";

    private static FakeOpenAi shared;

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    /** One provider for the whole test JVM, stopped when it exits. */
    public static synchronized FakeOpenAi shared() {
        if (shared == null) {
            shared = new FakeOpenAi();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public FakeOpenAi() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(100)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"no stub for this prompt\"}}")));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    public WireMockServer server() {
        return server;
    }

    /** When the prompt contains {@code promptContains}, answer {@code reply} costing the given tokens. */
    public void answer(String promptContains, String reply, int promptTokens, int completionTokens) {
        server.stubFor(matching(promptContains).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(Api.json(completion(reply, promptTokens, completionTokens)))));
    }

    public MappingBuilder matching(String promptContains) {
        return post(urlPathEqualTo("/v1/chat/completions")).atPriority(1).withRequestBody(containing(promptContains));
    }

    public static Map<String, Object> completion(String content, int promptTokens, int completionTokens) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", "chatcmpl-test");
        body.put("object", "chat.completion");
        body.put("created", 1_700_000_000);
        body.put("model", "gpt-4o-2024-08-06");
        body.put("choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                "message", Map.of("role", "assistant", "content", content))));
        body.put("usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", completionTokens,
                "total_tokens", promptTokens + completionTokens));
        return body;
    }

    @Override
    public void close() {
        server.stop();
    }
}
