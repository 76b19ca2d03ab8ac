package dev.textopt.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.DeadInstance;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.Sql;
import dev.textopt.support.EndToEndTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same POST sent many times at once with one Idempotency-Key (a client retrying before the first
 * attempt answered) runs exactly once: the others get 409 "in progress" or the replayed first answer.
 * So do retries racing for the claim of a request whose instance died. Also the one POST the sequential
 * retry tests leave out: restore.
 */
class ConcurrentIdempotencyTest extends EndToEndTest {

    private static final int COPIES = 8;
    Api api;
    ExecutorService pool;

    @BeforeEach
    void client() {
        api = new Api(port);
        pool = Executors.newFixedThreadPool(COPIES);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Sends {@code COPIES} copies of one request as close together as threads allow. */
    private List<Api.Response> atOnce(Supplier<Api.Response> request) throws Exception {
        var go = new CountDownLatch(1);
        var futures = new ArrayList<Future<Api.Response>>();
        for (int i = 0; i < COPIES; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return request.get();
            }));
        }
        go.countDown();
        var responses = new ArrayList<Api.Response>();
        for (var future : futures) {
            responses.add(future.get(30, TimeUnit.SECONDS));
        }
        return responses;
    }

    /** Exactly one copy ran: every other one is a 409 in-progress or a replay of the same answer. */
    private static void assertRanOnce(List<Api.Response> responses, int success) {
        var answers = responses.stream().filter(r -> r.status() == success).toList();
        assertThat(answers).as("at least the first copy is answered").isNotEmpty();
        assertThat(answers).extracting(Api.Response::raw).as("every success is the one answer").containsOnly(answers.get(0).raw());
        assertThat(answers.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isEmpty()))
                .as("exactly one copy was not a replay").hasSize(1);
        for (var other : responses) {
            if (other.status() != success) {
                assertThat(other.status()).as(other.raw()).isEqualTo(409);
                assertThat(other.<String>at("type")).endsWith("/idempotency-key-in-progress");
            }
        }
    }

    private String session(String data) {
        String id = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", data, "role", "prompt")))).at("id");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Improve.", "role", "feedback"));
        return id;
    }

    @Test
    void concurrentCopiesOfOneStepCallTheModelOnceAndCountOneStep() throws Exception {
        String marker = "Concurrent step " + UUID.randomUUID();
        openAi.server().stubFor(openAi.matching(marker).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(1000)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Stepped once.</IMPROVED_VARIABLE>", 10, 2)))));
        String id = session(marker);
        String key = UUID.randomUUID().toString();

        var responses = atOnce(() -> api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", key));

        assertRanOnce(responses, 200);
        openAi.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(marker)));
        assertThat(api.get("/v1/optimizers/" + id).<Integer>at("step_count")).isEqualTo(1);
        assertThat(api.get("/v1/optimizers/" + id + "/steps").<Integer>at("total_items")).as("one history entry").isEqualTo(1);
        var late = api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", key);
        assertThat(late.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(late.<Integer>at("step")).isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfOneGradientAppendAppendOnce() throws Exception {
        String id = session("Concurrent grad.");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        String key = UUID.randomUUID().toString();
        var feedback = Map.of("data", "Once, however often it is sent.", "role", "feedback");

        var responses = atOnce(() -> api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", feedback, "Idempotency-Key", key));

        assertRanOnce(responses, 200);
        assertThat(api.get("/v1/optimizers/" + id + "/params/" + paramId).<List<Map<String, Object>>>at("grad"))
                .extracting(g -> g.get("data")).containsExactly("Improve.", "Once, however often it is sent.");
    }

    @Test
    void retriesRacingForTheClaimOfADeadRequestAppendOnce() throws Exception {
        String id = session("Dead claim.");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        String key = UUID.randomUUID().toString();
        var feedback = Map.of("data", "Appended by whichever retry takes the key over.", "role", "feedback");
        String path = "/v1/optimizers/" + id + "/params/" + paramId + "/grad";
        assertThat(api.post(path, feedback, "Idempotency-Key", key).status()).isEqualTo(200);
        // As if its instance had died before committing: nothing appended, the claim unanswered and run out.
        Sql.update("DELETE FROM gradient WHERE param_id = ? AND data = ?", UUID.fromString(paramId), feedback.get("data"));
        DeadInstance.lostTheAnswerTo(key);

        var responses = atOnce(() -> api.post(path, feedback, "Idempotency-Key", key));

        assertRanOnce(responses, 200);
        assertThat(api.get(path.replace("/grad", "")).<List<Map<String, Object>>>at("grad"))
                .extracting(g -> g.get("data")).containsExactly("Improve.", feedback.get("data"));
    }

    @Test
    void concurrentCopiesOfOneCreateCreateOneSession() throws Exception {
        String marker = "Concurrent create " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        var responses = atOnce(() -> api.post("/v1/optimizers",
                Map.of("params", List.of(Map.of("data", marker, "role", "prompt"))), "Idempotency-Key", key));

        assertRanOnce(responses, 201);
        assertThat(Sql.count("SELECT count(*) FROM parameter WHERE data = ?", marker)).isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfOneClearGradAndOneParamGroupRunOnce() throws Exception {
        String id = session("Concurrent clear and group.");
        String groupKey = UUID.randomUUID().toString();
        var group = Map.of("params", List.of(Map.of("data", "Added once.", "role", "prompt")));

        assertRanOnce(atOnce(() -> api.post("/v1/optimizers/" + id + "/param-groups", group, "Idempotency-Key", groupKey)), 201);
        assertThat(api.get("/v1/optimizers/" + id).<List<?>>at("param_groups")).hasSize(2);

        String clearKey = UUID.randomUUID().toString();
        assertRanOnce(atOnce(() -> api.post("/v1/optimizers/" + id + "/clear-grad", null, "Idempotency-Key", clearKey)), 200);
    }

    @Test
    void aRetriedRestoreIsRecordedOnceAndDoesNotUndoALaterEdit() {
        openAi.answer("Restore me.", "<IMPROVED_VARIABLE>Stepped.</IMPROVED_VARIABLE>", 5, 1);
        String id = session("Restore me.");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);
        String key = UUID.randomUUID().toString();

        var restored = api.post("/v1/optimizers/" + id + "/steps/0/restore", null, "Idempotency-Key", key);
        assertThat(restored.status()).as(restored.raw()).isEqualTo(200);
        assertThat(restored.<String>at("param_groups.0.params.0.data")).isEqualTo("Restore me.");
        api.patch("/v1/optimizers/" + id + "/params/" + paramId, Map.of("data", "Edited by hand."));
        var retry = api.post("/v1/optimizers/" + id + "/steps/0/restore", null, "Idempotency-Key", key);

        assertThat(retry.raw()).isEqualTo(restored.raw());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(api.get("/v1/optimizers/" + id).<String>at("param_groups.0.params.0.data")).isEqualTo("Edited by hand.");
        var kinds = api.get("/v1/optimizers/" + id + "/steps").<List<Map<String, Object>>>at("items").stream()
                .map(e -> e.get("kind")).toList();
        assertThat(kinds.stream().filter("restore"::equals)).hasSize(1);
    }
}
