package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.textopt.TextoptApplication;
import dev.textopt.support.Api;
import dev.textopt.support.Browser;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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

    /**
     * A client following a session's events on one instance hears a step made on the other (PostgreSQL's NOTIFY).
     * The stream replays a first step and then hears a second one live; A's heartbeat, whose read would find the
     * events without any notification, is longer than the test.
     */
    @Test
    void aStreamOnOneInstanceSendsTheEventsOfAStepMadeOnTheOther() throws Exception {
        openAi.answer("Stream me across.", "<IMPROVED_VARIABLE>Streamed once.</IMPROVED_VARIABLE>", 10, 2);
        openAi.answer("Streamed once.", "<IMPROVED_VARIABLE>Streamed twice.</IMPROVED_VARIABLE>", 10, 2);
        try (var a = startInstance("--textopt.events.heartbeat=45s"); var b = startInstance()) {
            var apiB = api(b);
            String session = "/v1/optimizers/" + apiB.post("/v1/optimizers",
                    Map.of("params", List.of(Map.of("data", "Stream me across.", "role", "prompt")))).<String>at("id");
            String grad = session + "/params/" + apiB.get(session).<String>at("param_groups.0.params.0.id") + "/grad";
            apiB.post(grad, Map.of("data", "Say it.", "role", "feedback"));
            assertThat(apiB.post(session + "/step", null).status()).isEqualTo(200);

            var replayed = new CountDownLatch(1);
            var streamed = CompletableFuture.supplyAsync(() -> api(a).stream(session + "/events", text -> {
                int succeeded = text.split("event:step.succeeded\ndata:", -1).length - 1;
                if (succeeded >= 1) {
                    replayed.countDown();
                }
                return succeeded == 2;
            }, Duration.ofSeconds(30), "Last-Event-ID", "0"));
            assertThat(replayed.await(30, TimeUnit.SECONDS)).as("the stream on A replayed the first step").isTrue();
            apiB.post(grad, Map.of("data", "Say it again.", "role", "feedback"));
            assertThat(apiB.post(session + "/step", null).status()).isEqualTo(200);

            var onA = streamed.get(60, TimeUnit.SECONDS);
            assertThat(onA.status()).isEqualTo(200);
            String live = onA.raw().substring(onA.raw().indexOf("event:step.succeeded") + 1);
            assertThat(live).as(onA.raw()).contains("event:step.started\ndata:").contains("event:step.succeeded\ndata:")
                    .contains("\"step\":2");
        }
    }

    /**
     * The outbox is in PostgreSQL: a delivery still failing when its instance stops is sent once the receiver is
     * back, after the restart. These instances send webhooks (the default); so does the events tests' context
     * when it is cached, with the same key and allow-list, so either may send it.
     */
    @Test
    void aWebhookDeliveryQueuedBeforeARestartIsDeliveredAfterIt() throws Exception {
        var receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        // first-retry: no second attempt while the first instance stops, which might leave it claimed for a minute
        String[] webhooks = {"--textopt.closure.allowed-hosts=127.0.0.1", "--textopt.webhooks.poll-interval=200ms",
                "--textopt.webhooks.first-retry=3s", "--textopt.webhooks.signing-key=" + EndToEndTest.SIGNING_KEY};
        try {
            receiver.stubFor(post(urlPathEqualTo("/hooks/later")).willReturn(aResponse().withStatus(503)));
            openAi.answer("Deliver me later.", "<IMPROVED_VARIABLE>Delivered.</IMPROVED_VARIABLE>", 10, 2);
            String hook;
            try (var first = startInstance(webhooks)) {
                var api = api(first);
                hook = api.post("/v1/webhooks", Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hooks/later",
                        "events", List.of("step.succeeded"))).location();
                String id = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Deliver me later.", "role", "prompt")))).at("id");
                String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
                api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Say it.", "role", "feedback"));
                assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);
                awaitDelivery(api, hook, d -> Integer.valueOf(503).equals(d.get("last_status")));
            }
            // The receiver is back while textopt is down: the delivery waits in PostgreSQL for the next instance.
            receiver.stubFor(post(urlPathEqualTo("/hooks/later")).willReturn(aResponse().withStatus(204)));
            try (var second = startInstance(webhooks)) {
                var api = api(second);
                var delivered = awaitDelivery(api, hook, d -> d.get("delivered_at") != null);
                assertThat(delivered).containsEntry("event_type", "step.succeeded").containsEntry("last_status", 204);
                assertThat((Integer) delivered.get("attempts")).isGreaterThanOrEqualTo(2);
                assertThat(api.delete(hook).status()).isEqualTo(204); // no later test's step is queued for this receiver
            }
        } finally {
            receiver.stop();
        }
    }

    /** The webhook's only delivery once it satisfies {@code done}; waits up to 30 s. */
    private static Map<String, Object> awaitDelivery(Api api, String hook, Predicate<Map<String, Object>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Map<String, Object>> items = api.get(hook + "/deliveries").at("items");
            if (items.size() == 1 && done.test(items.get(0))) {
                return items.get(0);
            }
            assertThat(System.nanoTime()).as("waited 30 s for the delivery log %s", items).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
