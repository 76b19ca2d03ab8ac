package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.PostgresTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Closures over real HTTP, the per-request and per-tenant limits, and session budgets; and a webhook, whose URL
 * passes the same allow-list, refused because this server has no webhook signing key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "textopt.closure.allowed-hosts=127.0.0.1",
        "textopt.security.api-keys=main:main-key,limited:limited-key",
        "textopt.limits.max-grads-per-param=3",
        "textopt.limits.max-text-length=2000",
        "textopt.limits.max-sessions-per-tenant=50",
        "textopt.limits.max-steps-in-flight-per-tenant=1"})
class ClosuresLimitsBudgetsTest extends PostgresTest {

    static final FakeOpenAi openAi = new FakeOpenAi();
    static final WireMockServer evaluator = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        evaluator.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("textopt.model-clients.openai.base-url", openAi::baseUrl);
        registry.add("textopt.model-clients.openai.api-key", () -> FakeOpenAi.API_KEY);
    }

    @AfterAll
    static void stop() {
        openAi.close();
        evaluator.stop();
    }

    @LocalServerPort
    int port;

    private String key = "main-key";

    @BeforeEach
    void asMain() {
        key = "main-key";
    }

    private Api.Response call(String method, String path, Object body) {
        return new Api(port, key).send(method, path, body == null ? null : Api.json(body), "application/json");
    }

    private String[] session(String data, Map<String, Object> extra) {
        var body = new java.util.HashMap<String, Object>(Map.of("params", List.of(Map.of("data", data, "role", "prompt"))));
        body.putAll(extra);
        var created = call("POST", "/v1/optimizers", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new String[] {created.at("id"), created.at("param_groups.0.params.0.id")};
    }

    @Test
    void aClosureGivesTheLossAndReplacesTheGradsBeforeTheUpdate() {
        String[] ids = session("Closure prompt.", Map.of());
        call("POST", "/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "Old feedback.", "role", "feedback"));
        evaluator.stubFor(post(urlPathEqualTo("/loss")).withRequestBody(containing("Closure prompt.")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(Api.json(Map.of("score", 3, "explanation", "two misses",
                        "grads", Map.of(ids[1], List.of(Map.of("data", "Fresh feedback from the evaluator.", "role", "feedback"))))))));
        openAi.answer("Fresh feedback from the evaluator.", "<IMPROVED_VARIABLE>Closure prompt, improved.</IMPROVED_VARIABLE>", 5, 2);

        var step = call("POST", "/v1/optimizers/" + ids[0] + "/step", Map.of("closure", Map.of("url", ("http://127.0.0.1:" + evaluator.port()) + "/loss")));
        assertThat(step.status()).as(step.raw()).isEqualTo(200);
        assertThat(step.<Integer>at("loss.score")).isEqualTo(3);
        assertThat(step.<String>at("loss.explanation")).isEqualTo("two misses");
        assertThat(step.<String>at("params.0.data")).isEqualTo("Closure prompt, improved.");
        assertThat(call("GET", "/v1/optimizers/" + ids[0] + "/params/" + ids[1], null).<String>at("grad.0.data"))
                .isEqualTo("Fresh feedback from the evaluator.");
        assertThat(call("GET", "/v1/optimizers/" + ids[0] + "/steps/1", null).<Integer>at("loss.score")).isEqualTo(3);
    }

    @Test
    void gradsAClosureGivesWhileTheStepRunsEndThe304OfAReadFromBefore() throws InterruptedException {
        String[] ids = session("Polled closure.", Map.of());
        String param = "/v1/optimizers/" + ids[0] + "/params/" + ids[1];
        call("POST", param + "/grad", Map.of("data", "Old feedback.", "role", "feedback"));
        evaluator.stubFor(post(urlPathEqualTo("/slow-loss")).willReturn(aResponse().withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody(Api.json(Map.of("score", 1,
                        "grads", Map.of(ids[1], List.of(Map.of("data", "Closure feedback, mid-step.", "role", "feedback"))))))));
        openAi.server().stubFor(openAi.matching("Closure feedback, mid-step.").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(3000)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Polled closure, done.</IMPROVED_VARIABLE>", 4, 2)))));
        var api = new Api(port, key);
        var accepted = api.post("/v1/optimizers/" + ids[0] + "/step",
                Map.of("closure", Map.of("url", "http://127.0.0.1:" + evaluator.port() + "/slow-loss")), "Prefer", "respond-async");
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        var before = api.get(param); // the closure answers 1.5 s after the step started
        assertThat(before.<String>at("grad.0.data")).isEqualTo("Old feedback.");
        String tag = before.headers().firstValue("ETag").orElseThrow();

        var deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && "Old feedback.".equals(api.get(param).at("grad.0.data"))) {
            Thread.sleep(50);
        }
        var after = api.get(param, "If-None-Match", tag);
        assertThat(after.status()).as("the grads changed while the step runs: not a 304").isEqualTo(200);
        assertThat(after.<String>at("grad.0.data")).isEqualTo("Closure feedback, mid-step.");
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
        while (Instant.now().isBefore(deadline) && "running".equals(api.get(accepted.location()).at("status"))) {
            Thread.sleep(100); // this tenant may run one step at a time: the next test's must not find this one running
        }
    }

    @Test
    void aClosureThatAnswersGarbageOrRedirectsFailsTheStepAndChangesNothing() {
        String[] ids = session("Garbage closure.", Map.of());
        call("POST", "/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "x", "role", "feedback"));
        evaluator.stubFor(post(urlPathEqualTo("/garbage")).willReturn(aResponse().withBody("<html>not json</html>")));
        evaluator.stubFor(post(urlPathEqualTo("/moved")).willReturn(aResponse().withStatus(302).withHeader("Location", "http://169.254.169.254/")));
        for (String path : List.of("/garbage", "/moved")) {
            var step = call("POST", "/v1/optimizers/" + ids[0] + "/step", Map.of("closure", Map.of("url", ("http://127.0.0.1:" + evaluator.port()) + path)));
            assertThat(step.status()).isEqualTo(502);
            assertThat(step.<String>at("detail")).contains("closure");
        }
        var session = call("GET", "/v1/optimizers/" + ids[0], null);
        assertThat(session.<String>at("param_groups.0.params.0.data")).isEqualTo("Garbage closure.");
        assertThat(session.<Integer>at("step_count")).isZero();
    }

    @Test
    void aClosureAnswerThatCouldNotBeStoredFailsTheStepSayingWhy() {
        String[] ids = session("Unstorable closure.", Map.of());
        call("POST", "/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "x", "role", "feedback"));
        evaluator.stubFor(post(urlPathEqualTo("/lone")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"score\": 1, \"grads\": {\"" + ids[1] + "\": [{\"data\": \"half \\ud83c of an emoji\"}]}}")));
        var step = call("POST", "/v1/optimizers/" + ids[0] + "/step", Map.of("closure", Map.of("url", "http://127.0.0.1:" + evaluator.port() + "/lone")));
        assertThat(step.status()).isEqualTo(502);
        assertThat(step.<String>at("failures.0.reason")).isEqualTo("closure_failed");
        assertThat(step.<String>at("failures.0.detail")).contains("grads." + ids[1] + "[0].data").contains("lone surrogate");
        assertThat(call("GET", "/v1/optimizers/" + ids[0] + "/params/" + ids[1], null).<String>at("grad.0.data")).isEqualTo("x");
    }

    @Test
    void requestsOverALimitAre400NamingIt() {
        String[] ids = session("Limited.", Map.of());
        for (int i = 0; i < 3; i++) {
            assertThat(call("POST", "/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "f" + i)).status()).isEqualTo(200);
        }
        var fourth = call("POST", "/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "one too many"));
        assertThat(fourth.status()).isEqualTo(400);
        assertThat(fourth.<String>at("detail")).contains("max-grads-per-param");
        var long_ = call("PATCH", "/v1/optimizers/" + ids[0] + "/params/" + ids[1], Map.of("data", "x".repeat(2001)));
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.<String>at("detail")).contains("max-text-length");
    }

    @Test
    void concurrentAppendsNeverGoPastTheGradLimitAndALostOneChangesNothing() {
        String[] ids = session("Raced.", Map.of());
        int before = call("GET", "/v1/optimizers/" + ids[0], null).<Integer>at("version");
        var appends = java.util.stream.IntStream.range(0, 12).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                call("POST", "/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "racer " + i)))).toList();
        var statuses = appends.stream().map(a -> a.join().status()).toList();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(9);
        var session = call("GET", "/v1/optimizers/" + ids[0], null);
        assertThat(session.<List<?>>at("param_groups.0.params.0.grad")).hasSize(3);
        assertThat(session.<Integer>at("version")).isEqualTo(before + 3);
    }

    @Test
    void aTenantIsHeldToItsStepsInFlight() {
        key = "limited-key";
        openAi.server().stubFor(openAi.matching("Slow limited.").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(1500)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Done.</IMPROVED_VARIABLE>", 2, 1)))));
        String[] a = session("Slow limited.", Map.of());
        String[] b = session("Slow limited.", Map.of());
        for (String[] ids : List.of(a, b)) {
            call("POST", "/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "go"));
        }
        var first = CompletableFuture.supplyAsync(() -> call("POST", "/v1/optimizers/" + a[0] + "/step", null));
        var second = CompletableFuture.supplyAsync(() -> call("POST", "/v1/optimizers/" + b[0] + "/step", null));
        var answers = List.of(first.join(), second.join());
        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 429);
        var refused = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.<String>at("detail")).as("the 429 names the setting an operator raises")
                .contains("textopt.limits.max-steps-in-flight-per-tenant", "TEXTOPT_LIMITS_MAXSTEPSINFLIGHTPERTENANT");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aStepAfterTheBudgetIsSpentIsRefusedShowingSpentAndBudget() {
        openAi.answer("Budgeted.", "<IMPROVED_VARIABLE>Budgeted, better.</IMPROVED_VARIABLE>", 1000, 1000);
        String[] ids = session("Budgeted.", Map.of("budget", Map.of("amount", 0.001, "currency", "USD"),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o"))));
        call("POST", "/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "more"));
        assertThat(call("POST", "/v1/optimizers/" + ids[0] + "/step", null).status()).isEqualTo(200);
        var refused = call("POST", "/v1/optimizers/" + ids[0] + "/step", null);
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<Number>at("budget.amount").doubleValue()).isEqualTo(0.001);
        assertThat(refused.<Number>at("spent.amount").doubleValue()).isGreaterThanOrEqualTo(0.001);
        assertThat(call("GET", "/v1/optimizers/" + ids[0], null).<Integer>at("step_count")).isEqualTo(1);
    }

    @Test
    void aWebhookOnAServerWithoutASigningKeyIs503SayingWhatToSetAndStoresNothing() {
        var refused = call("POST", "/v1/webhooks", Map.of("url", "http://127.0.0.1:" + evaluator.port() + "/hook",
                "events", List.of("step.succeeded")));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>at("type")).endsWith("/webhooks-not-configured");
        assertThat(refused.<String>at("detail")).contains("TEXTOPT_WEBHOOKS_SIGNINGKEY").contains("textopt.webhooks.signing-key");
        assertThat(call("GET", "/v1/webhooks", null).<List<?>>at("items")).isEmpty();
    }
}
