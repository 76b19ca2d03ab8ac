package dev.textopt.training;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.TrainingEndToEndTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Forward, judge and backward calls spend the session's budget as a step's do: checked before each call
 * (a re-ask too), counted in what the session has spent, and a 402 once it is spent.
 */
class TrainingBudgetTest extends TrainingEndToEndTest {

    /** A session of gpt-4o calls with a budget of 0.01 USD; returns {session id, param id}. */
    private String[] budgeted() {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Repeat the text.", "role", "system prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o")), "budget", Map.of("amount", 0.01, "currency", "USD")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new String[] {created.at("id"), created.at("param_groups.0.params.0.id")};
    }

    @Test
    void aBackwardPassThatReachesTheBudgetPartWayIs402AppendsNothingAndNoFurtherCallIsMade() {
        String marker = "Costly " + UUID.randomUUID();
        String[] ids = budgeted();
        String optimizer = "/v1/optimizers/" + ids[0];
        String trace = forward(ids[0], ids[1], marker).get(0);
        // 1,000 prompt and 1,000 completion tokens of gpt-4o cost 0.0125 USD: more than the budget left.
        models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing("<OUTPUT>" + marker + "</OUTPUT>")).willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("Make it louder.", 1000, 1000)))));

        var answer = api.post(optimizer + "/backward", Map.of("traces", List.of(Map.of("trace_id", trace, "score", 0))));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(402);
        assertThat(answer.<String>at("type")).endsWith("/budget-exhausted");
        assertThat(answer.<List<Map<String, Object>>>at("failures")).extracting(f -> f.get("trace_id"), f -> f.get("param_id"), f -> f.get("reason"))
                .as("the re-ask of the malformed reply was not made").containsExactly(tuple(trace, ids[1], "budget"));
        assertThat(answer.<Number>at("budget.amount").doubleValue()).isEqualTo(0.01);
        assertThat(models.conversationsWith("<OUTPUT>" + marker + "</OUTPUT>")).as("one backward call, no re-ask").hasSize(1);
        assertThat(api.get(optimizer + "/params/" + ids[1]).<List<?>>at("grad")).as("nothing appended").isEmpty();
        var session = api.get(optimizer);
        assertThat(session.<Number>at("budget.spent").doubleValue()).as("what the call cost is spent").isGreaterThanOrEqualTo(0.0125);
        assertThat(answer.<Number>at("spent.amount").doubleValue()).isEqualTo(session.<Number>at("budget.spent").doubleValue());

        int calls = models.server().getAllServeEvents().size();
        var forward = api.post(optimizer + "/forward", Map.of("messages", messages(ids[1]), "inputs", inputs("one more")));
        assertThat(forward.status()).as(forward.raw()).isEqualTo(402);
        assertThat(forward.<String>at("detail")).contains("no further model call is made");
        var judge = api.post(optimizer + "/evaluate", Map.of("traces", List.of(trace), "evaluator", Map.of("type", "llm_judge", "criteria", "c")));
        assertThat(judge.status()).as(judge.raw()).isEqualTo(402);
        var backward = api.post(optimizer + "/backward", Map.of("traces", List.of(Map.of("trace_id", trace, "score", 0))));
        assertThat(backward.status()).as(backward.raw()).isEqualTo(402);
        assertThat(models.server().getAllServeEvents()).as("no model call once the budget is spent").hasSize(calls);

        var exact = api.post(optimizer + "/evaluate", Map.of("traces", List.of(trace),
                "evaluator", Map.of("type", "exact_match", "targets", List.of(marker))));
        assertThat(exact.status()).as("exact match calls no model, so it costs nothing").isEqualTo(200);
    }

    @Test
    void whatAForwardPassCostsIsSpentAndTheNextForwardIs402BeforeAnyCall() {
        String marker = "Spending " + UUID.randomUUID();
        String[] ids = budgeted();
        String optimizer = "/v1/optimizers/" + ids[0];
        models.server().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(1)
                .withRequestBody(containing(marker)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion(marker, 1000, 1000)))));

        forward(ids[0], ids[1], marker);
        assertThat(api.get(optimizer).<Number>at("budget.spent").doubleValue()).isEqualTo(0.0125);
        int calls = models.server().getAllServeEvents().size();

        var refused = api.post(optimizer + "/forward", Map.of("messages", messages(ids[1]), "inputs", inputs(marker)));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(402);
        assertThat(refused.<String>at("type")).endsWith("/budget-exhausted");
        assertThat(refused.<Number>at("spent.amount").doubleValue()).isEqualTo(0.0125);
        assertThat(models.server().getAllServeEvents()).hasSize(calls);
    }
}
