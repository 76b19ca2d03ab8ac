package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.TextoptApplication;
import dev.textopt.support.Api;
import dev.textopt.support.Browser;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole applications started and stopped by the test, on one shared PostgreSQL (two at once where it matters). */
class InstancesTest {

    static final FakeOpenAi openAi = new FakeOpenAi();

    @AfterAll
    static void stopProvider() {
        openAi.close();
    }

    private static ConfigurableApplicationContext startInstance(String... more) {
        var db = TestDatabase.get();
        var args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--textopt.model-clients.openai.base-url=" + openAi.baseUrl(),
                "--textopt.model-clients.openai.api-key=" + FakeOpenAi.API_KEY));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(TextoptApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(port(context));
    }

    @Test
    void aRestartedServiceFindsSessionsGradsMomentumUsageAndHistoryUnchanged() {
        openAi.answer("Restart me.", "<IMPROVED_VARIABLE>Restarted.</IMPROVED_VARIABLE>", 100, 10);
        Map<String, Object> before;
        Map<String, Object> stateBefore;
        Map<String, Object> historyBefore;
        String id;
        try (var first = startInstance()) {
            var api = api(first);
            id = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Restart me.", "role", "prompt")),
                    "defaults", Map.of("momentum", 2))).at("id");
            String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
            api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Shorter.", "role", "feedback"));
            assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);
            before = api.get("/v1/optimizers/" + id).json();
            stateBefore = api.get("/v1/optimizers/" + id + "/state-dict").json();
            historyBefore = api.get("/v1/optimizers/" + id + "/steps").json();
        }
        try (var second = startInstance()) {
            var api = api(second);
            assertThat(api.get("/v1/optimizers/" + id).json()).isEqualTo(before);
            assertThat(api.get("/v1/optimizers/" + id + "/state-dict").json()).isEqualTo(stateBefore);
            assertThat(api.get("/v1/optimizers/" + id + "/steps").json()).isEqualTo(historyBefore);
            assertThat(before).extractingByKey("step_count").isEqualTo(1);
        }
    }

    @Test
    void twoInstancesRunExactlyOneOfTwoConcurrentStepsOnOneSession() {
        openAi.server().stubFor(openAi.matching("Only one at a time.").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(1500)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>One.</IMPROVED_VARIABLE>", 10, 2)))));
        try (var a = startInstance(); var b = startInstance()) {
            var apiA = api(a);
            var apiB = api(b);
            String id = apiA.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Only one at a time.", "role", "prompt")))).at("id");
            String paramId = apiA.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
            apiB.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Say one.", "role", "feedback"));

            var first = CompletableFuture.supplyAsync(() -> apiA.post("/v1/optimizers/" + id + "/step", null));
            var second = CompletableFuture.supplyAsync(() -> apiB.post("/v1/optimizers/" + id + "/step", null));
            var statuses = List.of(first.join().status(), second.join().status());

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            var conflict = first.join().status() == 409 ? first.join() : second.join();
            assertThat(conflict.contentType()).startsWith("application/problem+json");
            assertThat(conflict.<String>at("detail")).contains("a step is running");
            assertThat(apiB.get("/v1/optimizers/" + id).<Integer>at("step_count")).isEqualTo(1);
        }
    }

    /** Behind a load balancer without sticky sessions: the web view's sign-in lives in the shared database. */
    @Test
    void aSignInOnOneInstanceIsKnownToTheOtherAndASignOutOnEitherEndsIt() {
        String keys = "--textopt.security.api-keys=instances:instances-key-1234";
        try (var a = startInstance(keys); var b = startInstance(keys)) {
            var browser = new Browser();
            var signedIn = browser.signIn(port(a), "instances-key-1234");
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/ui");

            var onB = browser.get(port(b), "/ui");
            assertThat(onB.statusCode()).isEqualTo(200);
            assertThat(onB.body()).contains("Sign out").contains("<h1>Sessions</h1>");

            var signedOut = browser.post(port(b), "/ui/logout", "");
            assertThat(signedOut.statusCode()).isEqualTo(302);
            assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login?logout");
            var onA = browser.get(port(a), "/ui");
            assertThat(onA.statusCode()).isEqualTo(302);
            assertThat(onA.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login");
        }
    }
}
