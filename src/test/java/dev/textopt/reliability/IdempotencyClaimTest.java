package dev.textopt.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.DeadInstance;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The claim on an Idempotency-Key lasts only while its request renews it: a live request keeps it far
 * past the in-progress timeout (its retries wait with 409), and the claim of a request whose instance
 * died runs out after that timeout, so that a retry takes over and the step is applied exactly once.
 * The in-progress timeout is left unset here: it is the step lease timeout, 2 s.
 */
@TestPropertySource(properties = "textopt.step.lease-timeout=2s")
class IdempotencyClaimTest extends EndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private String sessionWithFeedback(String data) {
        String id = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", data, "role", "prompt")))).at("id");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Improve.", "role", "feedback"));
        return id;
    }

    private void slowModel(String marker, String reply, int delayMs) {
        openAi.server().stubFor(openAi.matching(marker).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(delayMs)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>" + reply + "</IMPROVED_VARIABLE>", 10, 2)))));
    }

    private CompletableFuture<Api.Response> stepInBackground(String id, String key) throws Exception {
        var step = CompletableFuture.supplyAsync(() -> api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", key));
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline) && api.get("/v1/optimizers/" + id + "/steps/1").status() != 200) {
            Thread.sleep(50);
        }
        assertThat(api.get("/v1/optimizers/" + id + "/steps/1").<String>at("status")).isEqualTo("running");
        return step;
    }

    @Test
    void aLiveClaimIsRenewedPastItsTimeoutSoRetriesWaitAndTheStepRunsOnce() throws Exception {
        String marker = "Renewed claim " + UUID.randomUUID();
        slowModel(marker, "Renewed.", 5000);
        String id = sessionWithFeedback(marker);
        String key = UUID.randomUUID().toString();

        var first = stepInBackground(id, key);
        Thread.sleep(TIMEOUT.plusSeconds(1).toMillis()); // past the timeout: only renewal still holds the claim
        var retry = api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", key);

        assertThat(retry.status()).as(retry.raw()).isEqualTo(409);
        assertThat(retry.<String>at("type")).endsWith("/idempotency-key-in-progress");
        assertThat(Sql.count("SELECT count(*) FROM idempotency_key WHERE key = ? AND claim_expires_at > now()", key))
                .as("the first request still holds its claim, renewed past the timeout").isEqualTo(1);
        var answer = first.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        var late = api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", key);
        assertThat(late.raw()).isEqualTo(answer.raw());
        assertThat(late.headers().firstValue("Idempotent-Replayed")).contains("true");
        openAi.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)));
        assertThat(api.get("/v1/optimizers/" + id).<Integer>at("step_count")).isEqualTo(1);
    }

    @Test
    void theClaimOfADeadInstanceIsTakenOverAfterTheTimeoutAndTheStepIsAppliedOnce() throws Exception {
        String marker = "Dead claim " + UUID.randomUUID();
        slowModel(marker, "Applied once.", 3000);
        String id = sessionWithFeedback(marker);
        String key = UUID.randomUUID().toString();
        var first = stepInBackground(id, key);

        DeadInstance.diedWhileAnswering(key, id);
        Instant died = Instant.now();
        var retry = api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", key);
        var inProgress = retry;
        while (retry.status() == 409 && Instant.now().isBefore(died.plusSeconds(20))) {
            Thread.sleep(200);
            retry = api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", key);
        }
        Duration waited = Duration.between(died, Instant.now());

        assertThat(inProgress.status()).as("the claim holds until it runs out").isEqualTo(409);
        assertThat(inProgress.<String>at("type")).endsWith("/idempotency-key-in-progress");
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(waited).as("the retry waited for the claim and the step lease to run out").isGreaterThan(TIMEOUT.dividedBy(2));
        assertThat(retry.<Integer>at("step")).isEqualTo(2);
        assertThat(retry.<String>at("params.0.data")).isEqualTo("Applied once.");
        var stalled = first.get(30, TimeUnit.SECONDS);
        assertThat(stalled.status()).as("the dead instance's step wrote nothing: " + stalled.raw()).isEqualTo(502);

        var history = api.get("/v1/optimizers/" + id + "/steps").<List<Map<String, Object>>>at("items");
        assertThat(history).extracting(e -> e.get("step") + " " + e.get("status")).containsExactly("2 succeeded", "1 failed");
        assertThat(api.get("/v1/optimizers/" + id + "/steps/1").<String>at("failures.0.reason")).isEqualTo("abandoned");
        var session = api.get("/v1/optimizers/" + id);
        assertThat(session.<Integer>at("step_count")).isEqualTo(1);
        assertThat(session.<String>at("param_groups.0.params.0.data")).isEqualTo("Applied once.");
        var late = api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", key);
        assertThat(late.raw()).isEqualTo(retry.raw());
        assertThat(late.headers().firstValue("Idempotent-Replayed")).contains("true");
    }
}
