package dev.textopt.training;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.Sql;
import dev.textopt.support.TrainingEndToEndTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Forward, evaluate and backward hold no transaction while their models think, so each keeps its answer in
 * the transaction that stores its result: a retry with the same Idempotency-Key gets the first answer and
 * no second model call, and an attempt whose claim was taken over stores nothing (but its tokens).
 */
class TrainingIdempotencyTest extends TrainingEndToEndTest {

    private Api.Response keyed(String path, Object body, String key) {
        return api.post(path, body, "Idempotency-Key", key);
    }

    private static void assertReplayed(Api.Response retry, Api.Response first) {
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.raw()).isEqualTo(first.raw());
    }

    @Test
    void aLostAnswerIsReplayedForEachOperationWithoutASecondModelCall() throws Exception {
        String marker = "Replayed " + UUID.randomUUID();
        String[] ids = session("Repeat the text.");
        String optimizer = "/v1/optimizers/" + ids[0];

        var forward = Map.of("messages", messages(ids[1]), "inputs", inputs(marker));
        String forwardKey = UUID.randomUUID().toString();
        var first = keyed(optimizer + "/forward", forward, forwardKey);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertReplayed(keyed(optimizer + "/forward", forward, forwardKey), first);
        assertThat(models.conversationsWith(marker)).hasSize(1);
        assertThat(Sql.count("SELECT count(*) FROM trace WHERE session_id = ?", UUID.fromString(ids[0]))).isEqualTo(1);
        String trace = first.at("traces.0.id");

        var evaluate = Map.of("traces", List.of(trace), "evaluator", Map.of("type", "llm_judge", "criteria", "Capitals.",
                "targets", List.of(marker.toUpperCase())));
        String evaluateKey = UUID.randomUUID().toString();
        var evaluated = keyed(optimizer + "/evaluate", evaluate, evaluateKey);
        assertThat(evaluated.status()).as(evaluated.raw()).isEqualTo(200);
        assertReplayed(keyed(optimizer + "/evaluate", evaluate, evaluateKey), evaluated);
        assertThat(models.conversationsWith("<OUTPUT>" + marker)).as("one judge call").hasSize(1);

        var backward = Map.of("traces", List.of(Map.of("trace_id", trace)));
        String backwardKey = UUID.randomUUID().toString();
        var appended = keyed(optimizer + "/backward", backward, backwardKey);
        assertThat(appended.status()).as(appended.raw()).isEqualTo(200);
        assertReplayed(keyed(optimizer + "/backward", backward, backwardKey), appended);
        assertThat(models.conversationsWith("<OUTPUT>" + marker + "</OUTPUT>").stream()
                .filter(c -> c.toString().contains("<PARAMETER role=")).toList()).as("one backward call").hasSize(1);
        assertThat(api.get(optimizer + "/params/" + ids[1]).<List<?>>at("grad")).as("appended once").hasSize(1);

        var usage = api.get(optimizer).<Map<String, Object>>at("usage");
        keyed(optimizer + "/backward", backward, backwardKey);
        assertThat(api.get(optimizer).<Map<String, Object>>at("usage")).as("a replay costs nothing").isEqualTo(usage);
    }

    @Test
    void anAttemptWhoseClaimWasTakenOverStoresNothingButItsTokensAndTheRetryDoesTheWorkOnce() throws Exception {
        String marker = "Taken over " + UUID.randomUUID();
        String[] ids = session("Repeat the text.");
        String optimizer = "/v1/optimizers/" + ids[0];
        String trace = forward(ids[0], ids[1], marker).get(0);
        models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("<OUTPUT>" + marker + "</OUTPUT>")).willReturn(aResponse().withFixedDelay(1500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("<FEEDBACK>Shout it.</FEEDBACK>", 100, 10)))));
        long tokens = api.get(optimizer).<Number>at("usage.openai.total_tokens").longValue();
        String key = UUID.randomUUID().toString();
        var body = Map.of("traces", List.of(Map.of("trace_id", trace, "score", 0)));

        CompletableFuture<Api.Response> stalled = CompletableFuture.supplyAsync(() -> keyed(optimizer + "/backward", body, key));
        Instant deadline = Instant.now().plusSeconds(10);
        while (Sql.count("SELECT count(*) FROM idempotency_key WHERE key = ?", key) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        // Meanwhile its claim ran out (it stalled) and a retry took the key over.
        assertThat(Sql.update("UPDATE idempotency_key SET owner = 'a-retry/0' WHERE key = ?", key)).isEqualTo(1);
        var answer = stalled.get(20, TimeUnit.SECONDS);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(409);
        assertThat(answer.<String>at("type")).endsWith("/idempotency-key-in-progress");
        assertThat(api.get(optimizer + "/params/" + ids[1]).<List<?>>at("grad")).as("its append was rolled back").isEmpty();
        assertThat(api.get(optimizer).<Number>at("usage.openai.total_tokens").longValue() - tokens).as("its tokens count").isEqualTo(110);

        // The retry that took the key over died too; the next retry runs it, once.
        Sql.update("UPDATE idempotency_key SET claim_expires_at = now() - interval '1 second' WHERE key = ?", key);
        var retry = keyed(optimizer + "/backward", body, key);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        assertThat(api.get(optimizer + "/params/" + ids[1]).<List<Map<String, Object>>>at("grad")).extracting(g -> g.get("data"))
                .containsExactly("Shout it.");
        assertReplayed(keyed(optimizer + "/backward", body, key), retry);
    }
}
