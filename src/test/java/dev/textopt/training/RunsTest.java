package dev.textopt.training;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.Runs;
import dev.textopt.support.TaughtModels;
import dev.textopt.support.TrainingEndToEndTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Training runs over real HTTP, against models that can be taught ({@code TaughtModels}): a prompt that scores 0
 * is taught the rule; keep_best goes back to a better step; cancel, a spent budget and a failing model end a
 * run as they should; while a run is going, nothing else changes the session.
 */
class RunsTest extends TrainingEndToEndTest {

    private static final List<Map<String, Object>> TRAIN = List.of(item("hello world"), item("good morning"), item("see you soon"),
            item("thank you"));
    private static final List<Map<String, Object>> VALIDATION = List.of(item("good night"), item("well done"));

    private static Map<String, Object> item(String text) {
        return Runs.item(text, text.toUpperCase());
    }

    /** 2 epochs of TRAIN in batches of 2, VALIDATION, exact match; {@code more} overrides or adds fields. */
    private static Map<String, Object> run(String paramId, Object... more) {
        var defaults = new Object[] {"epochs", 2, "batch_size", 2};
        var all = Arrays.copyOf(defaults, defaults.length + more.length);
        System.arraycopy(more, 0, all, defaults.length, more.length);
        return Runs.request(paramId, TRAIN, VALIDATION, all);
    }

    private Api.Response start(String sessionId, Map<String, Object> body) {
        var created = api.post("/v1/optimizers/" + sessionId + "/runs", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(202);
        assertThat(created.location()).isEqualTo("/v1/optimizers/" + sessionId + "/runs/" + created.at("id"));
        return created;
    }

    private Api.Response finished(String location) {
        return Runs.finished(api, location);
    }

    private String data(String sessionId) {
        return api.get("/v1/optimizers/" + sessionId).at("param_groups.0.params.0.data");
    }

    @Test
    void aPromptThatScoresZeroIsTaughtTheRuleAndEndsAtValidationScoreOne() {
        String[] ids = session("Repeat the text.");

        var run = finished(start(ids[0], run(ids[1], "shuffle_seed", 7)).location());

        assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("succeeded");
        assertThat(run.<List<Map<String, Object>>>at("steps")).as("epochs × batches, each a history entry")
                .extracting(s -> s.get("step"), s -> s.get("epoch"), s -> s.get("batch"))
                .containsExactly(tuple(1, 0, 0), tuple(2, 0, 1), tuple(3, 1, 0), tuple(4, 1, 1));
        assertThat(run.<List<Map<String, Object>>>at("steps")).extracting(s -> ((Number) s.get("train_score")).doubleValue())
                .as("the first batch scores 0, then the rule is in the prompt").containsExactly(0.0, 1.0, 1.0, 1.0);
        assertThat(run.<List<Map<String, Object>>>at("validation")).extracting(v -> v.get("after_step"), v -> ((Number) v.get("score")).doubleValue())
                .containsExactly(tuple(0, 0.0), tuple(2, 1.0), tuple(4, 1.0));
        assertThat(run.<Map<String, Object>>at("best")).isEqualTo(Map.of("step", 2, "score", 1.0));
        assertThat(run.<Integer>at("epoch")).isEqualTo(2);
        assertThat(run.<Integer>at("batch")).isZero();
        assertThat(run.<Number>at("usage.openai.total_tokens").longValue()).isPositive()
                .as("every call of the session was the run's, each counted once on both")
                .isEqualTo(api.get("/v1/optimizers/" + ids[0]).<Number>at("usage.openai.total_tokens").longValue());
        assertThat(run.<String>at("finished_at")).isNotNull();
        assertThat(data(ids[0])).isEqualTo("Repeat the text. Answer in upper case.");
        var step = api.get("/v1/optimizers/" + ids[0] + "/steps/1");
        assertThat(step.<Number>at("loss.score").doubleValue()).as("the step's loss is the batch's train score").isZero();
        assertThat(api.get("/v1/optimizers/" + ids[0]).<List<?>>at("param_groups.0.params.0.grad")).as("clear_grad after each step").isEmpty();
        var listed = api.get("/v1/optimizers/" + ids[0] + "/runs");
        assertThat(listed.<List<Map<String, Object>>>at("items")).extracting(r -> r.get("id")).containsExactly(run.<String>at("id"));

        // The run's page is read in one round trip with the tenant's check in it: still a 404 for another
        // tenant (naming the session, not the run), and a 404 naming the run for a run the session does not have.
        String page = "/v1/optimizers/" + ids[0] + "/runs/" + run.<String>at("id");
        var theirs = new Api(port, "beta-key").get(page);
        assertThat(theirs.status()).as(theirs.raw()).isEqualTo(404);
        assertThat(theirs.<String>at("detail")).contains(ids[0]).doesNotContain("training run");
        var unknown = api.get("/v1/optimizers/" + ids[0] + "/runs/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.<String>at("detail")).contains("no training run");
        var elsewhere = api.get("/v1/optimizers/" + session("Another.")[0] + "/runs/" + run.<String>at("id"));
        assertThat(elsewhere.<String>at("detail")).as("a run of another session").contains("no training run");
    }

    @Test
    void keepBestRestoresAnEarlierBetterStepWhenALaterOneScoresWorse() {
        String[] ids = session("Repeat the text.");
        // Once the prompt holds the rule, the optimizer "improves" it by dropping it again: the second step is worse.
        StubMapping worse = models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("keep this system prompt as it is"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Repeat the text.</IMPROVED_VARIABLE>", 50, 8)))));
        try {
            var run = finished(start(ids[0], run(ids[1], "epochs", 1, "keep_best", true, "validate_every", "step")).location());

            assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("succeeded");
            assertThat(run.<List<Map<String, Object>>>at("validation")).extracting(v -> v.get("after_step"), v -> ((Number) v.get("score")).doubleValue())
                    .containsExactly(tuple(0, 0.0), tuple(1, 1.0), tuple(2, 0.0));
            assertThat(run.<Map<String, Object>>at("best")).isEqualTo(Map.of("step", 1, "score", 1.0));
            var restore = api.get("/v1/optimizers/" + ids[0] + "/steps/3");
            assertThat(restore.<String>at("kind")).isEqualTo("restore");
            assertThat(restore.<Integer>at("restored_to")).isEqualTo(1);
            assertThat(data(ids[0])).isEqualTo("Repeat the text. Answer in upper case.");
        } finally {
            models.server().removeStub(worse);
        }
    }

    @Test
    void keepBestRestoresNothingWhenTheLastStepIsTheBestAndARetriedRequestStartsNoSecondRun() {
        String[] ids = session("Repeat the text.");
        String key = "run-" + UUID.randomUUID();
        var created = api.post("/v1/optimizers/" + ids[0] + "/runs", run(ids[1], "epochs", 1, "keep_best", true), "Idempotency-Key", key);
        assertThat(created.status()).as(created.raw()).isEqualTo(202);

        var retried = api.post("/v1/optimizers/" + ids[0] + "/runs", run(ids[1], "epochs", 1, "keep_best", true), "Idempotency-Key", key);

        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.<String>at("id")).isEqualTo(created.<String>at("id"));
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        var run = finished(created.location());
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/runs").<Number>at("total_items").intValue()).isEqualTo(1);

        assertThat(run.<Map<String, Object>>at("best")).isEqualTo(Map.of("step", 2, "score", 1.0));
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/steps").<Number>at("total_items").intValue()).as("two steps, no restore")
                .isEqualTo(2);
    }

    @Test
    void aRunIsTheOnlyWriterOfItsSessionAndCancelStopsItAfterTheCallInFlight() {
        String marker = "Slow " + UUID.randomUUID();
        String[] ids = session(marker + ": repeat the text.");
        // Forward calls (the prompt's own turns, no contract tags) take 1.5 s; the other models answer at once.
        StubMapping slow = models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing(marker)).withRequestBody(notContaining("<PARAMETER")).withRequestBody(notContaining("<VARIABLE>"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withFixedDelay(1500).withBody(Api.json(FakeOpenAi.completion("hello world", 20, 2)))));
        try {
            var created = start(ids[0], run(ids[1], "validation", List.of(), "batch_size", 1));
            String session = "/v1/optimizers/" + ids[0];

            var second = api.post(session + "/runs", run(ids[1]));
            assertThat(second.status()).as(second.raw()).isEqualTo(409);
            assertThat(second.<String>at("type")).endsWith("/run-active");
            assertThat(second.<String>at("run_id")).isEqualTo(created.<String>at("id"));
            assertThat(api.post(session + "/step", null).<String>at("type")).endsWith("/run-active");
            assertThat(api.patch(session + "/params/" + ids[1], Map.of("data", "By hand.")).status()).isEqualTo(409);
            assertThat(api.post(session + "/steps/0/restore", null).status()).isEqualTo(409);
            assertThat(api.put(session + "/state-dict", Map.of("state_dict", api.get(session + "/state-dict").body(),
                    "model_clients", Map.of("model_client", "openai"))).status()).isEqualTo(409);

            var cancel = api.post(created.location() + "/cancel", null);
            assertThat(cancel.status()).as(cancel.raw()).isIn(200, 202);
            var run = finished(created.location());

            assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("cancelled");
            int steps = run.<List<?>>at("steps").size();
            assertThat(steps).as("stopped early").isLessThan(8);
            assertThat(api.get(session + "/steps").<Number>at("total_items").intValue()).as("each step of the run is in the history")
                    .isEqualTo(steps);
            assertThat(api.get(session).<List<?>>at("param_groups.0.params.0.grad")).as("no gradient of a half-trained batch").isEmpty();
            assertThat(api.post(created.location() + "/cancel", null).status()).as("a run that has ended is answered as it is").isEqualTo(200);
            assertThat(api.patch(session + "/params/" + ids[1], Map.of("data", "By hand.")).status()).as("the session is free again")
                    .isEqualTo(200);
        } finally {
            models.server().removeStub(slow);
        }
    }

    @Test
    void aModelFailureMidRunEndsItFailedNamingTheOperationTheItemAndTheReason() {
        String failing = "fails " + UUID.randomUUID();
        String[] ids = session("Repeat the text.");
        StubMapping down = models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing(failing)).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"the forward model is down\"}}")));
        try {
            var train = List.of(item("hello world"), item("good morning"), item(failing), item("thank you"));
            var run = finished(start(ids[0], run(ids[1], "train", train, "validation", List.of(), "epochs", 1)).location());

            assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("failed");
            assertThat(run.<Map<String, Object>>at("failure")).containsEntry("operation", "forward").containsEntry("item", "train[2]")
                    .containsEntry("reason", "provider_error");
            assertThat(run.<List<?>>at("steps")).as("the first batch's step stays").hasSize(1);
            assertThat(api.get("/v1/optimizers/" + ids[0]).<List<?>>at("param_groups.0.params.0.grad")).isEmpty();
        } finally {
            models.server().removeStub(down);
        }
    }

    /**
     * A run's second step runs on the optimizer its first one left, its start and end recorded behind its calls
     * (BENCHMARKS.md, 17): when its model fails, the run ends failed naming the step, the step's entry is failed,
     * nothing of it is applied, and the session is free for a step of its own.
     */
    @Test
    void anOptimizerFailureAtALaterStepEndsTheRunWithTheStepFailedAndNothingOfItApplied() {
        String[] ids = session("Repeat the text.");
        String scenario = "second step fails " + UUID.randomUUID();
        StubMapping first = models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("down")
                .withRequestBody(containing("</VARIABLE>")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Repeat the text. Answer in upper case.</IMPROVED_VARIABLE>",
                                50, 8)))));
        StubMapping down = models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("down").withRequestBody(containing("</VARIABLE>"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"the optimizer model is down\"}}")));
        try {
            var run = finished(start(ids[0], run(ids[1], "validation", List.of(), "epochs", 1)).location());

            assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("failed");
            assertThat(run.<Map<String, Object>>at("failure")).containsEntry("operation", "step").containsEntry("param_id", ids[1])
                    .containsEntry("reason", "provider_error");
            assertThat(run.<List<?>>at("steps")).as("the first batch's step stays").hasSize(1);
            var second = api.get("/v1/optimizers/" + ids[0] + "/steps/2");
            assertThat(second.<String>at("status")).as(second.raw()).isEqualTo("failed");
            assertThat(data(ids[0])).isEqualTo("Repeat the text. Answer in upper case.");
            var session = api.get("/v1/optimizers/" + ids[0]);
            assertThat(session.<List<?>>at("param_groups.0.params.0.grad")).isEmpty();
            assertThat(session.<Boolean>at("step_running")).as("the step let go of the session").isFalse();
            assertThat(session.<Number>at("step_count").intValue()).as(session.raw()).isEqualTo(1);
        } finally {
            models.server().removeStub(first);
            models.server().removeStub(down);
        }
    }

    @Test
    void aRunsUsageCountsTheTokensOfCallsThatFailedAsTheSessionsDoes() {
        String marker = "Unteachable " + UUID.randomUUID();
        String[] ids = session(marker + ": repeat the text.");
        // The backward model answers without <FEEDBACK>, twice (the re-ask too): the backward fails, its replies were billed.
        StubMapping noFeedback = models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing(marker)).withRequestBody(containing("<PARAMETER"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("It is fine as it is.", 300, 7)))));
        try {
            var run = finished(start(ids[0], run(ids[1], "validation", List.of(), "epochs", 1)).location());

            assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("failed");
            assertThat(run.<Map<String, Object>>at("failure")).containsEntry("operation", "backward").containsEntry("reason", "unusable_reply");
            var session = api.get("/v1/optimizers/" + ids[0]);
            assertThat(run.<Number>at("usage.openai.prompt_tokens").longValue()).as("the failed backward's 4 replies are counted")
                    .isGreaterThanOrEqualTo(4 * 300).isEqualTo(session.<Number>at("usage.openai.prompt_tokens").longValue());
            assertThat(run.<Number>at("usage.openai.completion_tokens").longValue())
                    .isEqualTo(session.<Number>at("usage.openai.completion_tokens").longValue());
        } finally {
            models.server().removeStub(noFeedback);
        }
    }

    @Test
    void aSpentBudgetEndsTheRunFailedWithReasonBudget() {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Repeat the text.", "role", "system prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o")), "budget", Map.of("amount", 0.0002, "currency", "USD")));
        String sessionId = created.at("id");

        var run = finished(start(sessionId, run(created.at("param_groups.0.params.0.id"), "validation", List.of())).location());

        assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("failed");
        assertThat(run.<Map<String, Object>>at("failure")).containsEntry("reason", "budget");
        var again = api.post("/v1/optimizers/" + sessionId + "/runs", run(created.at("param_groups.0.params.0.id")));
        assertThat(again.status()).as("a spent budget refuses a run before it starts").isEqualTo(402);
    }

    /**
     * A run's backward takes the session from its forward instead of reading it again (BENCHMARKS.md, 16), with the
     * forward's cost counted on it: a forward that spends the budget stops the run before any backward call.
     */
    @Test
    void aBudgetSpentByTheForwardStopsTheRunBeforeItsBackwardCalls() {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Repeat the text.", "role", "system prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o")), "budget", Map.of("amount", 0.000001, "currency", "USD")));

        models.server().resetRequests();

        var run = finished(start(created.at("id"), run(created.at("param_groups.0.params.0.id"), "validation", List.of())).location());

        assertThat(run.<Map<String, Object>>at("failure")).as(run.raw()).containsEntry("operation", "backward").containsEntry("reason", "budget");
        assertThat(models.server().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).as("the forward's two calls, no backward call")
                .hasSize(2);
    }

    /**
     * A run's next forward takes the session from the step before it, whose write goes on behind its calls
     * (BENCHMARKS.md, 17), with the step's cost counted on it: a step that spends the budget stops the run before
     * the next batch's forward calls, and the step itself is applied.
     */
    @Test
    void aBudgetSpentByAStepStopsTheRunBeforeTheNextForwardCalls() {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Repeat the text.", "role", "system prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o")), "budget", Map.of("amount", 1, "currency", "USD")));
        String sessionId = created.at("id");
        StubMapping costlyStep = models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("</VARIABLE>")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Repeat the text. Answer in upper case.</IMPROVED_VARIABLE>",
                                1_000_000, 10)))));
        try {
            models.server().resetRequests();

            var run = finished(start(sessionId, run(created.at("param_groups.0.params.0.id"), "validation", List.of())).location());

            assertThat(run.<Map<String, Object>>at("failure")).as(run.raw()).containsEntry("operation", "forward").containsEntry("reason", "budget");
            assertThat(run.<List<Map<String, Object>>>at("steps")).as("the step that spent the budget is applied and counted").hasSize(1);
            assertThat(data(sessionId)).isEqualTo("Repeat the text. Answer in upper case.");
            assertThat(models.server().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                    .filter(r -> TaughtModels.kindOf(r.getBodyAsString()).equals("forward")).count())
                    .as("the first batch's two forward calls, none of the second batch's").isEqualTo(2);
        } finally {
            models.server().removeStub(costlyStep);
        }
    }

    @Test
    void badInputIsA400NamingTheField() {
        String[] ids = session("Repeat the text.");
        String runs = "/v1/optimizers/" + ids[0] + "/runs";
        var noInputs = new java.util.HashMap<String, Object>(Map.of("target", "X"));

        assertThat(fields(api.post(runs, run(ids[1], "train", List.of())))).containsExactly("train");
        assertThat(fields(api.post(runs, run(ids[1], "train", List.of(item("a"), noInputs))))).containsExactly("train[1].inputs");
        assertThat(fields(api.post(runs, run(ids[1], "batch_size", 0)))).containsExactly("batch_size");
        assertThat(fields(api.post(runs, run(ids[1], "epochs", 0)))).containsExactly("epochs");
        assertThat(fields(api.post(runs, run(ids[1], "epochs", 101)))).containsExactly("epochs");
        assertThat(fields(api.post(runs, run(ids[1], "train", List.of(Map.of("inputs", Map.of("text", "a"))))))).containsExactly("train[0].target");
        assertThat(fields(api.post(runs, run(ids[1], "validation", List.of(Map.of("inputs", Map.of("text", "a"))))))).containsExactly("validation[0].target");
        assertThat(fields(api.post(runs, run(ids[1], "train", List.of(item("a"), Map.of("inputs", Map.of("other", "b"), "target", "B"))))))
                .containsExactly("train[1].inputs.text");
        assertThat(fields(api.post(runs, run(ids[1], "validate_every", "day")))).containsExactly("validate_every");
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/runs").<Number>at("total_items").intValue()).as("nothing was created").isZero();
    }

    private static List<String> fields(Api.Response answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        return answer.<List<Map<String, Object>>>at("errors").stream().map(e -> (String) e.get("field")).toList();
    }
}
