package dev.textopt.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.ModelClient;

class ConcurrencyBoundTest {

    /** Counts requests being served at once, on the server side, holding each for a while. */
    static final class InFlightCounter implements ResponseDefinitionTransformerV2 {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finally {
                inFlight.decrementAndGet();
            }
            return serveEvent.getResponseDefinition();
        }

        @Override
        public String getName() {
            return "in-flight-counter";
        }
    }

    InFlightCounter counter = new InFlightCounter();
    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
            .extensions(counter));
        server.start();
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody(OpenAiModelClientTest.REPLY)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void neverHasMoreCallsInFlightThanMaxConcurrency() throws Exception {
        ModelClient client = new TestClients().client(TestClients.settings("openai", Provider.OPENAI,
                "http://127.0.0.1:" + server.port() + "/v1", TestClients.OPENAI_KEY, Map.of(), Duration.ofSeconds(10),
                0, 2));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> client.complete(List.of(ChatMessage.user("hi")), Map.of())));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        server.verify(6, postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(counter.maxInFlight.get()).isEqualTo(2);
    }
}
