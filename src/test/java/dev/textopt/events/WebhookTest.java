package dev.textopt.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.textopt.support.Api;
import dev.textopt.support.Sql;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end, with a WireMock receiver on loopback: a step's event arrives signed as Standard
 * Webhooks says, a failing receiver is tried again and the log shows each attempt, a URL outside the
 * allow-list is refused, and tenants see only their own webhooks and events.
 */
class WebhookTest extends EventsEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @BeforeAll
    static void startReceiver() {
        receiver.start();
        receiver.stubFor(post(urlPathEqualTo("/hooks/ok")).willReturn(aResponse().withStatus(204)));
        receiver.stubFor(post(urlPathEqualTo("/hooks/b")).willReturn(aResponse().withStatus(204)));
        receiver.stubFor(post(urlPathEqualTo("/hooks/failing")).willReturn(aResponse().withStatus(500)));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    @Test
    void aSucceededStepIsDeliveredSignedAndOnlyToItsTenantsWebhook() throws Exception {
        var a = new Api(port, KEY_A);
        var b = new Api(port, KEY_B);
        var created = a.post("/v1/webhooks", Map.of("url", url("/hooks/ok"), "events", List.of("step.succeeded"),
                "description", "signed delivery"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String secret = created.at("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(a.get(created.location()).raw()).doesNotContain("secret").doesNotContain(secret);
        String other = b.post("/v1/webhooks", Map.of("url", url("/hooks/b"), "events", List.of("step.succeeded"))).location();

        String session = EventStreamTest.sessionWithFeedback(a, "Webhook prompt.");
        assertThat(a.post(session + "/step", null).status()).isEqualTo(200);

        LoggedRequest delivery = awaitRequests("/hooks/ok", n -> n >= 1).get(0);
        String body = delivery.getBodyAsString();
        @SuppressWarnings("unchecked")
        Map<String, Object> event = JSON.readValue(body, Map.class);
        assertThat(event).containsEntry("type", "step.succeeded").containsKeys("id", "timestamp", "session_id", "data");
        assertThat(session).endsWith((String) event.get("session_id"));
        String id = delivery.getHeader("webhook-id");
        String timestamp = delivery.getHeader("webhook-timestamp");
        assertThat(id).isEqualTo("evt_" + event.get("id"));
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(300L));
        assertThat(delivery.getHeader("webhook-signature")).isEqualTo("v1," + hmac(secret, id + "." + timestamp + "." + body));

        var log = awaitLog(a, created.location(), d -> d.get("delivered_at") != null);
        assertThat(log).containsEntry("event_type", "step.succeeded").containsEntry("attempts", 1).containsEntry("last_status", 204)
                .containsEntry("next_attempt_at", null);
        assertThat(b.get(other + "/deliveries").<List<?>>at("items")).isEmpty();
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/ok")))).hasSize(1);
    }

    @Test
    void noSecretIsStoredAndAReplayWithTheSameIdempotencyKeyShowsTheSameSecret() throws Exception {
        var a = new Api(port, KEY_A);
        String key = "webhook-" + UUID.randomUUID();
        var request = Map.of("url", url("/hooks/ok"), "events", List.of("run.failed"));
        var first = a.post("/v1/webhooks", request, "Idempotency-Key", key);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        String secret = first.at("secret");
        String id = first.at("id");

        var replay = a.post("/v1/webhooks", request, "Idempotency-Key", key);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.<String>at("id")).isEqualTo(id);
        assertThat(replay.<String>at("secret")).isEqualTo(secret);
        assertThat(replay.location()).isEqualTo(first.location());

        assertThat(Sql.count("SELECT count(*) FROM idempotency_key WHERE key = ? AND status = 201", key)).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM idempotency_key WHERE convert_from(body, 'UTF8') LIKE '%whsec_%'")).isZero();
        assertThat(Sql.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'webhook' AND column_name = 'secret'"))
                .isZero();
    }

    @Test
    void aFailingReceiverIsTriedAgainWithTheSameIdAndTheLogShowsTheAttempts() {
        var a = new Api(port, KEY_C); // a tenant of its own: no other test's webhook hears its step
        String hook = a.post("/v1/webhooks", Map.of("url", url("/hooks/failing"), "events", List.of("step.started"))).location();
        String session = EventStreamTest.sessionWithFeedback(a, "Retried webhook prompt.");
        assertThat(a.post(session + "/step", null).status()).isEqualTo(200);

        var log = awaitLog(a, hook, d -> ((Number) d.get("attempts")).intValue() >= 3);
        assertThat(log).containsEntry("event_type", "step.started").containsEntry("last_status", 500).containsEntry("delivered_at", null);
        assertThat((String) log.get("last_error")).contains("500");
        assertThat(log.get("next_attempt_at")).isNotNull();
        var attempts = awaitRequests("/hooks/failing", n -> n >= 3);
        assertThat(attempts).extracting(r -> r.getHeader("webhook-id")).containsOnly("evt_" + log.get("event_id"));

        assertThat(a.delete(hook).status()).isEqualTo(204);
        assertThat(a.get(hook).status()).isEqualTo(404);
    }

    @Test
    void aUrlOutsideTheAllowListOrAnUnknownEventIsA400ThatSaysWhy() {
        var a = new Api(port, KEY_A);
        var outside = a.post("/v1/webhooks", Map.of("url", "http://example.com/hook", "events", List.of("step.succeeded")));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.<String>at("type")).endsWith("/invalid-request");
        assertThat(outside.<String>at("detail")).contains("example.com").contains("textopt.closure.allowed-hosts");
        assertThat(outside.<String>at("errors.0.field")).isEqualTo("url");

        var unknown = a.post("/v1/webhooks", Map.of("url", url("/hooks/ok"), "events", List.of("step.done")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.<String>at("errors.0.field")).isEqualTo("events[0]");
        assertThat(unknown.<String>at("errors.0.message")).contains("step.succeeded");
    }

    @Test
    void anotherTenantsWebhookIsNotFound() {
        var a = new Api(port, KEY_A);
        var b = new Api(port, KEY_B);
        String hook = a.post("/v1/webhooks", Map.of("url", url("/hooks/ok"), "events", List.of("run.failed"))).location();

        assertThat(b.get(hook).status()).isEqualTo(404);
        assertThat(b.get(hook + "/deliveries").status()).isEqualTo(404);
        assertThat(b.delete(hook).status()).isEqualTo(404);
        assertThat(b.get("/v1/webhooks").raw()).doesNotContain(hook.substring(hook.lastIndexOf('/') + 1));
        assertThat(a.get("/v1/webhooks?size=100").raw()).contains(hook.substring(hook.lastIndexOf('/') + 1)).doesNotContain("whsec_");
    }

    private static List<LoggedRequest> awaitRequests(String path, Predicate<Integer> enough) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        List<LoggedRequest> found;
        while (!enough.test((found = receiver.findAll(postRequestedFor(urlPathEqualTo(path)))).size()) && System.nanoTime() < until) {
            pause();
        }
        assertThat(found.size()).as("requests to " + path).matches(enough::test);
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitLog(Api api, String hook, Predicate<Map<String, Object>> done) {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<Map<String, Object>> items = api.get(hook + "/deliveries").at("items");
            if (!items.isEmpty() && done.test(items.get(0)) || System.nanoTime() > until) {
                assertThat(items).as("the delivery log of " + hook).hasSize(1);
                assertThat(done.test(items.get(0))).as("delivery log " + items).isTrue();
                return items.get(0);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
