package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.EndToEndTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Retries with Idempotency-Key do nothing twice; Prefer: respond-async steps are polled to their end. */
class IdempotencyAndAsyncTest extends EndToEndTest {

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, Object> session(String data) {
        return Map.of("params", List.of(Map.of("data", data, "role", "prompt")));
    }

    @Test
    void aRetriedCreateReturnsTheFirstSessionAndCreatesNoOther() {
        String key = key();
        var first = api.post("/v1/optimizers", session("Idempotent create."), "Idempotency-Key", key);
        var retry = api.post("/v1/optimizers", session("Idempotent create."), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = key();
        api.post("/v1/optimizers", session("One body."), "Idempotency-Key", key);
        var other = api.post("/v1/optimizers", session("Another body."), "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.<String>at("detail")).contains("different request");
    }

    @Test
    void retriedGradientAppendsParamGroupsClearGradAndStepsHappenOnce() {
        openAi.answer("Once only.", "<IMPROVED_VARIABLE>Once.</IMPROVED_VARIABLE>", 5, 1);
        String id = api.post("/v1/optimizers", session("Once only.")).at("id");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        String gradKey = key();
        var feedback = Map.of("data", "Shorter.", "role", "feedback");
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", feedback, "Idempotency-Key", gradKey);
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", feedback, "Idempotency-Key", gradKey);
        assertThat(api.get("/v1/optimizers/" + id + "/params/" + paramId).<List<?>>at("grad")).hasSize(1);

        String groupKey = key();
        var group = Map.of("params", List.of(Map.of("data", "Second group.", "role", "prompt")));
        api.post("/v1/optimizers/" + id + "/param-groups", group, "Idempotency-Key", groupKey);
        api.post("/v1/optimizers/" + id + "/param-groups", group, "Idempotency-Key", groupKey);
        assertThat(api.get("/v1/optimizers/" + id).<List<?>>at("param_groups")).hasSize(2);

        String stepKey = key();
        var step = api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", stepKey);
        var stepRetry = api.post("/v1/optimizers/" + id + "/step", null, "Idempotency-Key", stepKey);
        assertThat(step.status()).as(step.raw()).isEqualTo(200);
        assertThat(stepRetry.raw()).isEqualTo(step.raw());
        assertThat(api.get("/v1/optimizers/" + id).<Integer>at("step_count")).isEqualTo(1);

        String clearKey = key();
        var cleared = api.post("/v1/optimizers/" + id + "/clear-grad", null, "Idempotency-Key", clearKey);
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", feedback);
        var clearRetry = api.post("/v1/optimizers/" + id + "/clear-grad", null, "Idempotency-Key", clearKey);
        assertThat(clearRetry.raw()).isEqualTo(cleared.raw());
        assertThat(api.get("/v1/optimizers/" + id + "/params/" + paramId).<List<?>>at("grad"))
                .as("the retry did not clear the gradient appended after the first clear").hasSize(1);
    }

    @Test
    void anAsyncStepAnswers202AndItsEntryShowsRunningThenTheResult() throws Exception {
        openAi.server().stubFor(openAi.matching("Slow prompt.").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(800)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Fast prompt.</IMPROVED_VARIABLE>", 7, 3)))));
        String id = api.post("/v1/optimizers", session("Slow prompt.")).at("id");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Faster.", "role", "feedback"));

        var accepted = api.post("/v1/optimizers/" + id + "/step", null, "Prefer", "respond-async");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.location()).isEqualTo("/v1/optimizers/" + id + "/steps/1");
        var running = api.get(accepted.location());
        assertThat(running.<String>at("status")).isEqualTo("running");
        assertThat(running.<Integer>at("progress.total")).isEqualTo(1);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Api.Response entry = running;
        while (Instant.now().isBefore(deadline) && "running".equals(entry.at("status"))) {
            Thread.sleep(100);
            entry = api.get(accepted.location());
        }
        assertThat(entry.<String>at("status")).isEqualTo("succeeded");
        assertThat(entry.<Integer>at("progress.done")).isEqualTo(1);
        assertThat(entry.<String>at("params.0.data")).isEqualTo("Fast prompt.");
        assertThat(api.get("/v1/optimizers/" + id).<String>at("param_groups.0.params.0.data")).isEqualTo("Fast prompt.");
    }
}
