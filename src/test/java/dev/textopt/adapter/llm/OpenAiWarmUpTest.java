package dev.textopt.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/** The warm-up goes through the SDK's own code path to an answer, and never to the model. */
class OpenAiWarmUpTest {

    WireMockServer server;
    TestClients test = new TestClients();

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void warmsEachOpenAiClientWithoutARequestAndLeavesItAsItWas() {
        String baseUrl = "http://127.0.0.1:" + server.port() + "/v1";
        var configured = ConfiguredModelClients.create(List.of(TestClients.openAi(baseUrl), TestClients.anthropic(baseUrl)),
                test.registry, test.observations, test.sleeper, Clock.systemUTC());

        assertThat(configured.warmUp()).as("the OpenAI client read its canned answer; Anthropic has no warm-up").isEqualTo(1);
        server.verify(0, anyRequestedFor(anyUrl()));

        server.stubFor(post("/v1/chat/completions").willReturn(OpenAiModelClientTest.okJson(OpenAiModelClientTest.REPLY)));
        var completion = configured.find("openai").orElseThrow().complete(OpenAiModelClientTest.MESSAGES, Map.of("model", "gpt-4o"));
        assertThat(completion.text()).isEqualTo("<IMPROVED_VARIABLE>Be brief.</IMPROVED_VARIABLE>");
        server.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.OPENAI_KEY)));
        assertThat(configured.warmUp()).as("again, as often as asked").isEqualTo(1);
        server.verify(1, anyRequestedFor(anyUrl()));
    }
}
