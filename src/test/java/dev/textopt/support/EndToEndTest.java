package dev.textopt.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the whole application on a random port, the shared test PostgreSQL,
 * and one fake OpenAI-compatible provider for the JVM. Classes with the same extra properties share
 * one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EndToEndTest extends PostgresTest {

    protected static final FakeOpenAi openAi = FakeOpenAi.shared();
    /**
     * The master key webhook secrets are derived from, as an operator sets it (TEXTOPT_WEBHOOKS_SIGNINGKEY); the same
     * for every instance a test starts, since any instance that sends webhooks may send another's deliveries.
     */
    public static final String SIGNING_KEY = "end-to-end-webhook-signing-key-0123456789";

    @DynamicPropertySource
    static void fakeProvider(DynamicPropertyRegistry registry) {
        registry.add("textopt.model-clients.openai.base-url", openAi::baseUrl);
        registry.add("textopt.model-clients.openai.api-key", () -> FakeOpenAi.API_KEY);
        registry.add("textopt.webhooks.signing-key", () -> SIGNING_KEY);
    }

    @LocalServerPort
    protected int port;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }
}
