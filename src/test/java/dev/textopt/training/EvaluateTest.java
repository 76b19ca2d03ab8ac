package dev.textopt.training;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.textopt.training.ForwardTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.TrainingEndToEndTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Evaluation by exact match, by a judge model and by an http evaluator; scores stored on the traces. */
class EvaluateTest extends TrainingEndToEndTest {

    static final WireMockServer evaluator = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        evaluator.start();
    }

    @AfterAll
    static void stop() {
        evaluator.stop();
    }

    @Test
    void exactMatchScoresEachTraceStoresItAndTheLossIsTheMean() {
        String[] ids = session("Repeat the text.");
        var traces = forward(ids[0], ids[1], "SAME", "different");

        var answer = api.post("/v1/optimizers/" + ids[0] + "/evaluate", Map.of("traces", traces,
                "evaluator", Map.of("type", "exact_match", "targets", List.of("SAME", "DIFFERENT"))));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.<Number>at("loss.score").doubleValue()).isEqualTo(0.5);
        assertThat(answer.<String>at("loss.explanation"))
                .isEqualTo("[0] matches\n[1] expected \"DIFFERENT\", got \"different\" (only the letter case differs)");
        assertThat(answer.<List<Map<String, Object>>>at("results")).extracting(r -> r.get("trace_id"), r -> ((Number) r.get("score")).intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(traces.get(0), 1), org.assertj.core.groups.Tuple.tuple(traces.get(1), 0));
        assertThat(answer.<Map<String, Object>>at("usage")).isEmpty();
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/traces/" + traces.get(1)).<Map<String, Object>>at("evaluation")).isEqualTo(Map.of(
                "score", 0.0, "explanation", "expected \"DIFFERENT\", got \"different\" (only the letter case differs)", "evaluator", "exact_match"));

        var lenient = api.post("/v1/optimizers/" + ids[0] + "/evaluate", Map.of("traces", traces,
                "evaluator", Map.of("type", "exact_match", "targets", List.of("same ", "DIFFERENT"), "case_sensitive", false)));
        assertThat(lenient.<Number>at("loss.score").doubleValue()).as("scores are replaced").isEqualTo(1.0);
    }

    @Test
    void aJudgeComparesOutputAndTargetAndAMalformedReplyIsReAskedOnce() {
        String marker = "Judged " + UUID.randomUUID();
        String[] ids = session("Repeat the text.");
        var traces = forward(ids[0], ids[1], marker);
        models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("<OUTPUT>" + marker + "</OUTPUT>")).inScenario(marker)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("re-asked")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("I think it is fine.", 100, 10)))));

        var answer = api.post("/v1/optimizers/" + ids[0] + "/evaluate", Map.of("traces", traces, "evaluator", Map.of(
                "type", "llm_judge", "criteria", "The output is the input in capital letters.", "targets", List.of(marker.toUpperCase()),
                "model_client", "judge")));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.<Number>at("loss.score").doubleValue()).isZero();
        assertThat(answer.<String>at("results.0.explanation")).contains("differs from the target");
        var judged = models.conversationsWith("<OUTPUT>" + marker);
        assertThat(judged).as("the first judge call and its re-ask").hasSize(2);
        assertThat(judged.get(1)).hasSize(4);
        assertThat(judged.get(1).get(2)).isEqualTo(Map.of("role", "assistant", "content", "I think it is fine."));
        assertThat(String.valueOf(judged.get(1).get(3).get("content"))).contains("<SCORE>");
        assertThat(String.valueOf(judged.get(0).get(1).get("content"))).contains("<CRITERIA>The output is the input in capital letters.</CRITERIA>",
                "<INPUT>" + marker + "</INPUT>", "<TARGET>" + marker.toUpperCase() + "</TARGET>");
        assertThat(answer.<Number>at("usage.judge.prompt_tokens").longValue()).as("the malformed reply's tokens count too").isGreaterThan(100);
        assertThat(api.get("/v1/optimizers/" + ids[0]).<Number>at("usage.judge.prompt_tokens").longValue())
                .isEqualTo(answer.<Number>at("usage.judge.prompt_tokens").longValue());
    }

    @Test
    void aJudgeThatNeverAnswersInTheContractFailsTheEvaluationAndStoresNothingButItsTokens() {
        String marker = "Unjudgeable " + UUID.randomUUID();
        String[] ids = session("Repeat the text.");
        var traces = forward(ids[0], ids[1], marker);
        models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("<OUTPUT>" + marker + "</OUTPUT>"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("<SCORE>very good</SCORE>", 50, 5)))));
        long before = api.get("/v1/optimizers/" + ids[0]).<Number>at("usage.openai.total_tokens").longValue();

        var answer = api.post("/v1/optimizers/" + ids[0] + "/evaluate", Map.of("traces", traces,
                "evaluator", Map.of("type", "llm_judge", "criteria", "Correct.")));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(502);
        assertThat(answer.<String>at("type")).endsWith("/calls-failed");
        assertThat(answer.<List<Map<String, Object>>>at("failures")).extracting(f -> f.get("trace_id"), f -> f.get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(traces.get(0), "unusable_reply"));
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/traces/" + traces.get(0)).<Object>at("evaluation")).isNull();
        assertThat(api.get("/v1/optimizers/" + ids[0]).<Number>at("usage.openai.total_tokens").longValue() - before)
                .as("both replies' tokens").isEqualTo(110);
    }

    @Test
    void aCustomJudgePromptIsCheckedWhenTheRequestIsMade() {
        String[] ids = session("Repeat the text.");
        var traces = forward(ids[0], ids[1], "x");
        String evaluate = "/v1/optimizers/" + ids[0] + "/evaluate";

        assertField(api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "llm_judge", "criteria", "c",
                "messages", List.of(Map.of("role", "user", "content", List.of("{output} {colour}")))))), "evaluator.messages[0].content[0]");
        assertField(api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "llm_judge", "criteria", "c",
                "messages", List.of(Map.of("role", "user", "content", List.of("Score it.")))))), "evaluator.messages");
        assertField(api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "llm_judge",
                "messages", List.of(Map.of("role", "user", "content", List.of("{output} vs {target}")))))), "evaluator.messages[0].content[0]");
        assertField(api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "llm_judge"))), "evaluator.criteria");

        var custom = api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "llm_judge", "targets", List.of("x"),
                "messages", List.of(Map.of("role", "user", "content", List.of("Compare <OUTPUT>{output}</OUTPUT> with <TARGET>{target}</TARGET>."))))));
        assertThat(custom.status()).as(custom.raw()).isEqualTo(200);
        assertThat(custom.<Number>at("loss.score").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void badEvaluateRequestsAre400NamingTheField() {
        String[] ids = session("Repeat the text.");
        var traces = forward(ids[0], ids[1], "a", "b");
        String evaluate = "/v1/optimizers/" + ids[0] + "/evaluate";

        assertField(api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "exact_match", "targets", List.of("A")))),
                "evaluator.targets");
        assertField(api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "exact_match"))), "evaluator.targets");
        assertField(api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "exact_match", "targets", List.of("A", "B"),
                "criteria", "c"))), "evaluator.criteria");
        assertField(api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "vibes"))), "evaluator.type");
        assertField(api.post(evaluate, Map.of("traces", List.of(), "evaluator", Map.of("type", "exact_match", "targets", List.of()))), "traces");
        assertField(api.post(evaluate, Map.of("traces", List.of(traces.get(0), traces.get(0)),
                "evaluator", Map.of("type", "exact_match", "targets", List.of("A", "A")))), "traces[1]");
        assertField(api.post(evaluate, Map.of("traces", List.of("not-a-trace"),
                "evaluator", Map.of("type", "exact_match", "targets", List.of("A")))), "traces[0]");
        String unknown = UUID.randomUUID().toString();
        var notFound = api.post(evaluate, Map.of("traces", List.of(traces.get(0), unknown),
                "evaluator", Map.of("type", "exact_match", "targets", List.of("A", "B"))));
        assertField(notFound, "traces[1]");
        assertThat(notFound.<String>at("detail")).contains(unknown);
        var nine = java.util.Collections.nCopies(9, unknown);
        var overBatch = api.post(evaluate, Map.of("traces", nine, "evaluator", Map.of("type", "exact_match", "targets", nine)));
        assertField(overBatch, "traces");
        assertThat(overBatch.<String>at("detail")).contains("textopt.limits.max-batch-size");
        assertField(api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "llm_judge", "criteria", "c",
                "model_client", "nobody"))), "evaluator.model_client");
    }

    @Test
    void anHttpEvaluatorOnAnAllowedHostScoresAndOneElsewhereIsRefused() {
        String[] ids = session("Repeat the text.");
        var traces = forward(ids[0], ids[1], "kind words");
        evaluator.stubFor(post(urlPathEqualTo("/score")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"results\": [{\"score\": 0.75, \"explanation\": \"mostly kind\"}]}")));
        String evaluate = "/v1/optimizers/" + ids[0] + "/evaluate";

        var refused = api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "http",
                "url", "http://127.0.0.2:" + evaluator.port() + "/score")));
        assertField(refused, "evaluator.url");
        assertThat(refused.<String>at("errors.0.message")).contains("not allowed");
        evaluator.verify(0, postRequestedFor(urlPathEqualTo("/score")));

        var scored = api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "http",
                "url", "http://127.0.0.1:" + evaluator.port() + "/score", "targets", List.of("KIND WORDS"))));

        assertThat(scored.status()).as(scored.raw()).isEqualTo(200);
        assertThat(scored.<Number>at("loss.score").doubleValue()).isEqualTo(0.75);
        evaluator.verify(postRequestedFor(urlPathEqualTo("/score")).withRequestBody(equalToJson(Api.json(Map.of("items", List.of(
                Map.of("trace_id", traces.get(0), "inputs", Map.of("text", "kind words"), "output", "kind words", "target", "KIND WORDS")))))));
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/traces/" + traces.get(0)).<String>at("evaluation.evaluator")).isEqualTo("http");

        evaluator.stubFor(post(urlPathEqualTo("/broken")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"results\": [{\"score\": 7}]}")));
        var broken = api.post(evaluate, Map.of("traces", traces, "evaluator", Map.of("type", "http",
                "url", "http://127.0.0.1:" + evaluator.port() + "/broken")));
        assertThat(broken.status()).as(broken.raw()).isEqualTo(502);
        assertThat(broken.<String>at("failures.0.reason")).isEqualTo("evaluator_failed");
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/traces/" + traces.get(0)).<Number>at("evaluation.score").doubleValue())
                .as("the earlier evaluation stays").isEqualTo(0.75);
    }
}
