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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An instance that dies between committing a request's effect and keeping its answer must not make a
 * retry do the work twice. A step keeps its key on its history entry, and the retry answers from it; a
 * request whose effect is one transaction keeps its answer in that transaction, so an answer that
 * cannot be kept takes the effect with it.
 */
class LostAnswerTest extends EndToEndTest {

    private String sessionWithFeedback(String data) {
        String id = api.post("/v1/optimizers", Map.of("params", List.of(
                Map.of("data", data, "role", "prompt"),
                Map.of("data", "Left alone.", "role", "prompt")))).at("id");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Improve.", "role", "feedback"));
        return id;
    }

    private Api.Response step(String id, String key, String... headers) {
        var all = new java.util.ArrayList<>(List.of("Idempotency-Key", key));
        all.addAll(List.of(headers));
        return api.post("/v1/optimizers/" + id + "/step", null, all.toArray(String[]::new));
    }

    private String awaitFinished(String location) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        String status = api.get(location).at("status");
        while ("running".equals(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            status = api.get(location).at("status");
        }
        return status;
    }

    @Test
    void aStepWhoseAnswerWasLostIsAnsweredFromItsHistoryEntryNotRunAgain() throws Exception {
        String marker = "Lost answer " + UUID.randomUUID();
        openAi.answer(marker, "<IMPROVED_VARIABLE>Applied once.</IMPROVED_VARIABLE>", 9, 3);
        String id = sessionWithFeedback(marker);
        String key = UUID.randomUUID().toString();
        var first = step(id, key);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);

        DeadInstance.lostTheAnswerTo(key);
        var retry = step(id, key);

        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.json()).as("the same answer: step, loss, params, usage, duration_ms").isEqualTo(first.json());
        assertThat(retry.<String>at("params.1.status")).isEqualTo("skipped");
        openAi.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)));
        assertThat(api.get("/v1/optimizers/" + id).<Integer>at("step_count")).isEqualTo(1);
        assertThat(api.get("/v1/optimizers/" + id + "/steps").<Integer>at("total_items")).isEqualTo(1);
        var again = step(id, key);
        assertThat(again.raw()).as("the answer is kept again").isEqualTo(retry.raw());
    }

    @Test
    void anAcceptedAsyncStepWhoseAnswerWasLostIsInProgressWhileItRunsThenAcceptedAgain() throws Exception {
        String marker = "Lost 202 " + UUID.randomUUID();
        openAi.server().stubFor(openAi.matching(marker).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(1500)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Accepted once.</IMPROVED_VARIABLE>", 9, 3)))));
        String id = sessionWithFeedback(marker);
        String key = UUID.randomUUID().toString();
        var accepted = step(id, key, "Prefer", "respond-async");
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);

        DeadInstance.lostTheAnswerTo(key);
        var whileRunning = step(id, key, "Prefer", "respond-async");
        assertThat(whileRunning.status()).as(whileRunning.raw()).isEqualTo(409);
        assertThat(whileRunning.<String>at("type")).endsWith("/idempotency-key-in-progress");
        assertThat(awaitFinished(accepted.location())).isEqualTo("succeeded");
        var retry = step(id, key, "Prefer", "respond-async");

        assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.location()).isEqualTo(accepted.location());
        assertThat(retry.<Integer>at("step")).isEqualTo(1);
        assertThat(retry.<String>at("status")).isEqualTo("succeeded");
        openAi.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)));
        assertThat(api.get("/v1/optimizers/" + id + "/steps").<Integer>at("total_items")).isEqualTo(1);
    }

    @Test
    void anAnswerThatCannotBeKeptTakesItsEffectWithIt() throws Exception {
        String id = sessionWithFeedback("Fenced append.");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        String key = UUID.randomUUID().toString();
        CompletableFuture<Api.Response> append;
        try (var lock = Sql.connect()) {
            // Hold the session row, so that the append stops inside its transaction, after its key was claimed.
            lock.setAutoCommit(false);
            try (var select = lock.prepareStatement("SELECT id FROM optimizer_session WHERE id = ? FOR UPDATE")) {
                select.setObject(1, UUID.fromString(id));
                select.executeQuery().close();
            }
            append = CompletableFuture.supplyAsync(() -> api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad",
                    Map.of("data", "Appended by a stalled request.", "role", "feedback"), "Idempotency-Key", key));
            Instant deadline = Instant.now().plusSeconds(10);
            while (Sql.count("SELECT count(*) FROM idempotency_key WHERE key = ?", key) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            // Meanwhile its claim ran out and a retry took the key over.
            assertThat(Sql.update("UPDATE idempotency_key SET owner = 'a-retry/0' WHERE key = ?", key)).isEqualTo(1);
            lock.commit();
        }
        var answer = append.get(20, TimeUnit.SECONDS);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(409);
        assertThat(answer.<String>at("type")).endsWith("/idempotency-key-in-progress");
        assertThat(api.get("/v1/optimizers/" + id + "/params/" + paramId).<List<Map<String, Object>>>at("grad"))
                .as("the stalled request's append was rolled back with its answer").extracting(g -> g.get("data"))
                .containsExactly("Improve.");
    }
}
