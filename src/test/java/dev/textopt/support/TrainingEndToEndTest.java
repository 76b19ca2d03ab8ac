package dev.textopt.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests of forward, evaluate and backward: the whole application with API keys on
 * (tenants alpha and beta), closures allowed to 127.0.0.1 (for http evaluators), small limits, and every
 * model client played by one {@link TaughtModels} for the JVM: {@code openai} and {@code judge} answer,
 * {@code keyless} has no key. No retries, so that a failing call fails at once. The classes share one
 * Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "textopt.closure.allowed-hosts=127.0.0.1",
        "textopt.security.api-keys=alpha:alpha-key,beta:beta-key",
        "textopt.limits.max-batch-size=8",
        "textopt.limits.max-grads-per-param=20",
        "textopt.training.trace-ttl=10m",
        "textopt.training.trace-cleanup-interval=300ms",
        "textopt.model-clients.openai.max-retries=0",
        "textopt.model-clients.judge.provider=openai",
        "textopt.model-clients.judge.max-retries=0",
        "textopt.model-clients.keyless.provider=openai"})
public abstract class TrainingEndToEndTest extends PostgresTest {

    protected static final TaughtModels models = shared();

    private static TaughtModels shared;

    private static synchronized TaughtModels shared() {
        if (shared == null) {
            shared = new TaughtModels();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    @DynamicPropertySource
    static void taughtModels(DynamicPropertyRegistry registry) {
        for (String client : List.of("openai", "judge")) {
            registry.add("textopt.model-clients." + client + ".base-url", models::baseUrl);
            registry.add("textopt.model-clients." + client + ".api-key", () -> FakeOpenAi.API_KEY);
        }
    }

    @LocalServerPort
    protected int port;

    /** Tenant alpha's client. */
    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port, "alpha-key");
    }

    /** A new session of alpha's with one system prompt; returns {session id, param id}. */
    protected String[] session(String systemPrompt) {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", systemPrompt, "role", "system prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o-mini"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new String[] {created.at("id"), created.at("param_groups.0.params.0.id")};
    }

    /** Forward messages: the parameter as the system turn, the input's {text} as the user turn. */
    protected static List<Map<String, Object>> messages(String paramId) {
        return List.of(Map.of("role", "system", "content", List.of(Map.of("param", paramId))),
                Map.of("role", "user", "content", List.of("{text}")));
    }

    protected static List<Map<String, String>> inputs(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> Map.of("text", t)).toList();
    }

    /** A forward pass that must succeed; returns the trace ids in input order. */
    protected List<String> forward(String sessionId, String paramId, String... texts) {
        var answer = api.post("/v1/optimizers/" + sessionId + "/forward", Map.of("messages", messages(paramId), "inputs", inputs(texts)));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer.<List<Map<String, Object>>>at("traces").stream().map(t -> (String) t.get("id")).toList();
    }
}
