package dev.textopt.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.ModelClient;

/**
 * A step calls the same provider with many parameters at once, step after step. The connections of one
 * wave must still be open for the next: each new one costs a TCP (and, with real providers, TLS) handshake.
 */
class ConnectionReuseTest {

    static final int CONCURRENCY = 12;

    /** Client ports seen by the server: one per TCP connection. */
    final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    HttpServer server;
    ExecutorService serverThreads = Executors.newFixedThreadPool(CONCURRENCY * 2);

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        serverThreads.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void keepsAWholeWaveOfConnectionsOpenBetweenWaves(Provider provider) throws Exception {
        String reply = provider == Provider.OPENAI ? OpenAiModelClientTest.REPLY : AnthropicModelClientTest.REPLY;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> answerSlowly(exchange, reply));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + (provider == Provider.OPENAI ? "/v1" : "");
        ModelClient client = new TestClients().client(TestClients.settings("c", provider, base, "sk-test", Map.of(),
                Duration.ofSeconds(10), 0, CONCURRENCY));

        for (int wave = 0; wave < 3; wave++) {
            callAllAtOnce(client);
        }

        // OkHttp's default pool keeps 5 idle connections: every later wave would open CONCURRENCY - 5 new ones.
        assertThat(connections).hasSizeLessThanOrEqualTo(CONCURRENCY);
    }

    private void answerSlowly(HttpExchange exchange, String reply) throws IOException {
        connections.add(exchange.getRemoteAddress().getPort());
        exchange.getRequestBody().readAllBytes();
        try {
            Thread.sleep(100); // so that the calls of a wave overlap
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void callAllAtOnce(ModelClient client) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < CONCURRENCY; i++) {
                calls.add(callers.submit(() -> client.complete(List.of(ChatMessage.user("hi")), Map.of("model", "m"))));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            callers.shutdownNow();
        }
    }
}
