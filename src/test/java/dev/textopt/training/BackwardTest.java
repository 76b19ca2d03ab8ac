package dev.textopt.training;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.textopt.training.ForwardTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.TrainingEndToEndTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Backward passes: gradients appended in trace order with their context, all or nothing, never to a changed value. */
class BackwardTest extends TrainingEndToEndTest {

    private Api.Response backward(String sessionId, Object traces) {
        return api.post("/v1/optimizers/" + sessionId + "/backward", Map.of("traces", traces));
    }

    private List<Map<String, Object>> grad(String sessionId, String paramId) {
        return api.get("/v1/optimizers/" + sessionId + "/params/" + paramId).at("grad");
    }

    @Test
    void feedbackIsAppendedInTraceOrderWithItsContext() {
        String[] ids = session("Repeat the text.");
        var traces = forward(ids[0], ids[1], "first one", "second one");
        api.post("/v1/optimizers/" + ids[0] + "/evaluate", Map.of("traces", traces,
                "evaluator", Map.of("type", "exact_match", "targets", List.of("FIRST ONE", "second one"))));

        var answer = backward(ids[0], List.of(Map.of("trace_id", traces.get(1)), Map.of("trace_id", traces.get(0))));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.<List<Map<String, Object>>>at("gradients")).extracting(g -> g.get("trace_id"), g -> g.get("param_id"), g -> g.get("data"))
                .containsExactly(tuple(traces.get(1), ids[1], "The output is right: keep this system prompt as it is."),
                        tuple(traces.get(0), ids[1], "Answer in upper case."));
        assertThat(grad(ids[0], ids[1])).containsExactly(
                Map.of("data", "The output is right: keep this system prompt as it is.", "role", "feedback on system prompt",
                        "context", "input: second one\noutput: second one\nscore: 1\nexplanation: matches"),
                Map.of("data", "Answer in upper case.", "role", "feedback on system prompt",
                        "context", "input: first one\noutput: first one\nscore: 0\nexplanation: expected \"FIRST ONE\", got \"first one\" "
                                + "(only the letter case differs)"));
        var sent = models.conversationsWith("<OUTPUT>first one</OUTPUT>").stream().filter(c -> c.size() == 2).toList();
        assertThat(sent).hasSize(1);
        assertThat(String.valueOf(sent.get(0).get(1).get("content"))).contains(
                "<CONVERSATION>\nsystem: Repeat the text.\nuser: first one\n</CONVERSATION>",
                "<EVALUATION>\nscore: 0\nexplanation: expected \"FIRST ONE\"",
                "<PARAMETER role=\"system prompt\">Repeat the text.</PARAMETER>");
        assertThat(api.get("/v1/optimizers/" + ids[0]).<Number>at("usage.openai.total_tokens").longValue())
                .isGreaterThan(answer.<Number>at("usage.openai.total_tokens").longValue());
    }

    @Test
    void aScoreGivenInTheRequestNeedsNoEvaluationAndWinsOverOne() {
        String[] ids = session("Repeat the text.");
        String trace = forward(ids[0], ids[1], "scored here").get(0);

        var answer = backward(ids[0], List.of(Map.of("trace_id", trace, "score", 0, "explanation", "It should read SCORED HERE.")));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(grad(ids[0], ids[1])).extracting(g -> g.get("data"), g -> g.get("context"))
                .containsExactly(tuple("Answer in upper case.", "input: scored here\noutput: scored here\nscore: 0\nexplanation: It should read SCORED HERE."));
    }

    @Test
    void malformedFeedbackIsReAskedOnceAndAFailingCallAppendsNothing() {
        String marker = "Reasked " + UUID.randomUUID();
        String failing = "Failing " + UUID.randomUUID();
        String[] ids = session("Repeat the text.");
        var traces = forward(ids[0], ids[1], marker, failing);
        models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("<OUTPUT>" + marker + "</OUTPUT>")).inScenario(marker)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("re-asked")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("Make it louder.", 70, 7)))));
        models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("<OUTPUT>" + failing + "</OUTPUT>"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"the backward model is down\"}}")));
        var scored = traces.stream().map(t -> Map.<String, Object>of("trace_id", t, "score", 0.5, "explanation", "Half right.")).toList();
        long tokensBefore = api.get("/v1/optimizers/" + ids[0]).<Number>at("usage.openai.total_tokens").longValue();

        var failed = backward(ids[0], scored);

        assertThat(failed.status()).as(failed.raw()).isEqualTo(502);
        assertThat(failed.<String>at("type")).endsWith("/calls-failed");
        assertThat(failed.<List<Map<String, Object>>>at("failures")).extracting(f -> f.get("trace_id"), f -> f.get("param_id"), f -> f.get("reason"))
                .containsExactly(tuple(traces.get(1), ids[1], "provider_error"));
        assertThat(grad(ids[0], ids[1])).as("all or nothing").isEmpty();
        assertThat(models.conversationsWith("<OUTPUT>" + marker + "</OUTPUT>")).as("the call and its re-ask").hasSize(2);
        assertThat(api.get("/v1/optimizers/" + ids[0]).<Number>at("usage.openai.total_tokens").longValue() - tokensBefore)
                .as("the tokens of the calls that answered count").isGreaterThanOrEqualTo(77);

        models.server().removeStub(models.server().getStubMappings().stream()
                .filter(s -> String.valueOf(s.getRequest().getBodyPatterns()).contains(failing)).findFirst().orElseThrow());
        var retried = backward(ids[0], scored);
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(grad(ids[0], ids[1])).hasSize(2);
    }

    @Test
    void aTraceWhoseParameterChangedSinceItsForwardPassIsStale() {
        String[] ids = session("Repeat the text.");
        String trace = forward(ids[0], ids[1], "stale").get(0);
        api.post("/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "Answer in upper case."));
        assertThat(api.post("/v1/optimizers/" + ids[0] + "/step", null).status()).isEqualTo(200);
        api.post("/v1/optimizers/" + ids[0] + "/clear-grad", null);
        int calls = models.server().getAllServeEvents().size();

        var answer = backward(ids[0], List.of(Map.of("trace_id", trace, "score", 0)));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(409);
        assertThat(answer.<String>at("type")).endsWith("/stale_trace");
        assertThat(answer.<String>at("trace_id")).isEqualTo(trace);
        assertThat(answer.<String>at("param_id")).isEqualTo(ids[1]);
        assertThat(answer.<Integer>at("changed_by_entry")).isEqualTo(1);
        assertThat(models.server().getAllServeEvents()).as("no model call").hasSize(calls);
        assertThat(grad(ids[0], ids[1])).isEmpty();

        String fresh = forward(ids[0], ids[1], "fresh").get(0);
        assertThat(api.post("/v1/optimizers/" + ids[0] + "/steps/0/restore", null).status()).isEqualTo(200);
        assertThat(backward(ids[0], List.of(Map.of("trace_id", fresh, "score", 0))).<Integer>at("changed_by_entry")).isEqualTo(2);
        String afterRestore = forward(ids[0], ids[1], "after restore").get(0);
        assertThat(api.patch("/v1/optimizers/" + ids[0] + "/params/" + ids[1], Map.of("data", "Edited by hand.")).status()).isEqualTo(200);
        assertThat(backward(ids[0], List.of(Map.of("trace_id", afterRestore, "score", 0))).<Integer>at("changed_by_entry")).isEqualTo(3);
        String current = forward(ids[0], ids[1], "current").get(0);
        assertThat(api.patch("/v1/optimizers/" + ids[0] + "/params/" + ids[1], Map.of("role", "renamed prompt")).status()).isEqualTo(200);
        assertThat(backward(ids[0], List.of(Map.of("trace_id", current, "score", 0))).status()).as("a new role is not a new value").isEqualTo(200);
    }

    @Test
    void whatChangedWhileTheModelThoughtIsCheckedAgainWhenTheGradientsAreAppended() throws Exception {
        String marker = "Slow " + UUID.randomUUID();
        models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("<OUTPUT>" + marker)).willReturn(aResponse().withFixedDelay(1500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("<FEEDBACK>Shout it.</FEEDBACK>", 100, 10)))));
        String[] edited = session("Repeat the text.");
        String stale = forward(edited[0], edited[1], marker + " edited").get(0);

        var answer = backwardWhile(edited[0], stale, marker + " edited",
                () -> api.patch("/v1/optimizers/" + edited[0] + "/params/" + edited[1], Map.of("data", "Edited meanwhile.")));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(409);
        assertThat(answer.<String>at("type")).endsWith("/stale_trace");
        assertThat(answer.<Integer>at("changed_by_entry")).isEqualTo(1);
        assertThat(grad(edited[0], edited[1])).isEmpty();

        String[] filled = session("Repeat the text.");
        String trace = forward(filled[0], filled[1], marker + " filled").get(0);
        var twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> Map.of("data", "meanwhile " + i)).toList();

        var over = backwardWhile(filled[0], trace, marker + " filled",
                () -> api.post("/v1/optimizers/" + filled[0] + "/params/" + filled[1] + "/grad", twenty));

        assertField(over, "traces");
        assertThat(over.<String>at("detail")).contains("textopt.limits.max-grads-per-param");
        assertThat(grad(filled[0], filled[1])).as("the limit is checked on the grads as they are when appending").hasSize(20);
    }

    /** A backward pass of {@code trace}, whose call is held back: {@code meanwhile} runs once the model has the call. */
    private Api.Response backwardWhile(String sessionId, String trace, String output, Runnable meanwhile) throws Exception {
        var answer = CompletableFuture.supplyAsync(() -> backward(sessionId, List.of(Map.of("trace_id", trace, "score", 0))));
        Instant deadline = Instant.now().plusSeconds(10);
        while (models.conversationsWith("<OUTPUT>" + output + "</OUTPUT>").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        meanwhile.run();
        return answer.get(20, TimeUnit.SECONDS);
    }

    @Test
    void badBackwardRequestsAre400BeforeAnyCall() {
        String[] ids = session("Repeat the text.");
        var traces = forward(ids[0], ids[1], "a", "b");
        int calls = models.server().getAllServeEvents().size();

        assertField(backward(ids[0], List.of(Map.of("trace_id", traces.get(0)))), "traces[0]");
        assertField(backward(ids[0], List.of(Map.of("trace_id", traces.get(0), "score", 1.5))), "traces[0].score");
        assertField(backward(ids[0], List.of(Map.of("trace_id", traces.get(0), "score", -0.1))), "traces[0].score");
        assertField(backward(ids[0], List.of(Map.of("trace_id", traces.get(0), "explanation", "no score"))), "traces[0].score");
        assertField(backward(ids[0], List.of(Map.of("trace_id", traces.get(0), "score", "0"))), "traces[0].score");
        assertField(backward(ids[0], List.of(Map.of("score", 0))), "traces[0].trace_id");
        assertField(backward(ids[0], List.of()), "traces");
        assertField(backward(ids[0], java.util.Collections.nCopies(9, Map.of("trace_id", traces.get(0), "score", 0))), "traces");
        assertField(backward(ids[0], List.of(Map.of("trace_id", UUID.randomUUID().toString(), "score", 0))), "traces[0].trace_id");
        assertField(api.post("/v1/optimizers/" + ids[0] + "/backward", Map.of("traces", List.of(Map.of("trace_id", traces.get(0), "score", 0)),
                "messages", List.of(Map.of("role", "user", "content", List.of("Improve {parameter}."))))), "messages");
        assertField(api.post("/v1/optimizers/" + ids[0] + "/backward", Map.of("traces", List.of(Map.of("trace_id", traces.get(0), "score", 0)),
                "messages", List.of(Map.of("role", "user", "content", List.of("{parameter} {output} {colour}"))))), "messages[0].content[0]");

        var full = new java.util.ArrayList<Map<String, String>>();
        for (int i = 0; i < 19; i++) {
            full.add(Map.of("data", "earlier feedback " + i));
        }
        api.post("/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", full);
        var over = backward(ids[0], traces.stream().map(t -> Map.of("trace_id", t, "score", 0)).toList());
        assertField(over, "traces");
        assertThat(over.<String>at("detail")).contains("textopt.limits.max-grads-per-param");

        assertThat(models.server().getAllServeEvents()).as("no model call").hasSize(calls);
        assertThat(grad(ids[0], ids[1])).hasSize(19);
    }

    @Test
    void aCustomBackwardPromptAndANamedClientAreUsed() {
        String[] ids = session("Repeat the text.");
        String trace = forward(ids[0], ids[1], "custom").get(0);

        var answer = api.post("/v1/optimizers/" + ids[0] + "/backward", Map.of("traces", List.of(Map.of("trace_id", trace, "score", 0,
                "explanation", "expected \"CUSTOM\"")), "model_client", "judge", "messages", List.of(Map.of("role", "user", "content",
                List.of("Judge <PARAMETER role=\"{role}\">{parameter}</PARAMETER> by <OUTPUT>{output}</OUTPUT> and "
                        + "<EVALUATION>{evaluation}</EVALUATION>; answer in <FEEDBACK></FEEDBACK>.")))));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.<String>at("gradients.0.data")).isEqualTo("Answer in upper case.");
        assertThat(answer.<Map<String, Object>>at("usage")).containsOnlyKeys("judge");
    }
}
