package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a session has spent only grows: an imported state dict adds its usage to the session's (as
 * afnio's load_state_dict does) but never lowers what the budget is checked against, and usage that is
 * not a price we could have computed is refused. The model calls of one step run one after another
 * here (max-concurrent-calls=1), so that the budget's check before each call is seen exactly.
 */
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "textopt.step.max-concurrent-calls=1")
class BudgetsTest extends EndToEndTest {

    /** 1,000 prompt and 1,000 completion tokens of gpt-4o cost 0.0125 USD. */
    static final int TOKENS = 1000;
    static final double CALL_COST = 0.0125;

    private String[] session(String data, Double budget) {
        var body = new HashMap<String, Object>(Map.of("params", List.of(Map.of("data", data, "role", "prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o"))));
        if (budget != null) {
            body.put("budget", Map.of("amount", budget, "currency", "USD"));
        }
        var created = api.post("/v1/optimizers", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.at("id");
        String param = created.at("param_groups.0.params.0.id");
        assertThat(api.post("/v1/optimizers/" + id + "/params/" + param + "/grad", Map.of("data", "Better.")).status()).isEqualTo(200);
        return new String[] {id, param};
    }

    private Api.Response load(String id, Object stateDict) {
        return api.put("/v1/optimizers/" + id + "/state-dict", Map.of("state_dict", stateDict, "model_clients", Map.of("model_client", "openai")));
    }

    @Test
    void importingAnOlderStateDictNeitherRewindsTheBudgetNorLowersTheUsage() {
        openAi.answer("Budget rewind.", "<IMPROVED_VARIABLE>Budget rewind, again.</IMPROVED_VARIABLE>", TOKENS, TOKENS);
        String id = session("Budget rewind.", 0.01)[0];
        Object beforeAnyStep = api.get("/v1/optimizers/" + id + "/state-dict").body();
        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);
        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(402);
        Map<String, Object> usage = api.get("/v1/optimizers/" + id).at("usage");

        assertThat(load(id, beforeAnyStep).status()).isEqualTo(200);

        var refused = api.post("/v1/optimizers/" + id + "/step", null);
        assertThat(refused.status()).as("the old export's zero usage does not rewind the budget").isEqualTo(402);
        var session = api.get("/v1/optimizers/" + id);
        assertThat(session.<Map<String, Object>>at("usage")).isEqualTo(usage);
        assertThat(session.<Number>at("budget.spent").doubleValue()).isEqualTo(CALL_COST);

        Object afterTheStep = api.get("/v1/optimizers/" + id + "/state-dict").body();
        assertThat(load(id, afterTheStep).status()).isEqualTo(200);
        session = api.get("/v1/optimizers/" + id);
        assertThat(session.<Number>at("usage.openai.total_tokens").longValue()).as("added, as afnio adds it").isEqualTo(4L * TOKENS);
        assertThat(session.<Number>at("budget.spent").doubleValue()).as("imports never count as spending").isEqualTo(CALL_COST);
    }

    @Test
    void anExportImportedIntoAFreshSessionExportsTheSame() {
        openAi.answer("Round trip.", "<IMPROVED_VARIABLE>Round trip, improved.</IMPROVED_VARIABLE>", 120, 30);
        String id = session("Round trip.", null)[0];
        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);
        Object exported = api.get("/v1/optimizers/" + id + "/state-dict").body();

        String fresh = session("Round trip.", null)[0];
        assertThat(load(fresh, exported).status()).isEqualTo(200);

        assertThat(api.get("/v1/optimizers/" + fresh + "/state-dict").body()).isEqualTo(exported);
    }

    @Test
    @SuppressWarnings("unchecked")
    void usageThatIsNotAPriceIs400NamingTheFieldAndChangesNothingAndLaterStepsWork() {
        openAi.answer("Odd usage.", "<IMPROVED_VARIABLE>Odd usage. Fixed.</IMPROVED_VARIABLE>", 10, 5);
        String id = session("Odd usage.", null)[0];
        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);
        var exported = (Map<String, Object>) api.get("/v1/optimizers/" + id + "/state-dict").body();
        var before = api.get("/v1/optimizers/" + id).json();
        String usagePath = "state_dict.param_groups[0].model_client.usage";

        var negativeEuros = load(id, withUsage(exported, Map.of("amount", -1000, "currency", "EUR"), 10));
        assertThat(negativeEuros.status()).isEqualTo(400);
        assertThat(negativeEuros.<List<Map<String, String>>>at("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder(usagePath + ".cost.amount", usagePath + ".cost.currency");
        assertThat(load(id, withUsage(exported, Map.of("amount", "lots", "currency", "USD"), 10)).<String>at("errors.0.field"))
                .isEqualTo(usagePath + ".cost.amount");
        assertThat(load(id, withUsage(exported, Map.of("amount", 1, "currency", "USD"), -5)).<String>at("errors.0.field"))
                .isEqualTo(usagePath + ".prompt_tokens");
        String infinite = Api.json(Map.of("state_dict", withUsage(exported, Map.of("amount", 123456.75, "currency", "USD"), 10),
                "model_clients", Map.of("model_client", "openai"))).replace("123456.75", "1e400");
        var notFinite = api.send("PUT", "/v1/optimizers/" + id + "/state-dict", infinite, "application/json");
        assertThat(notFinite.status()).isEqualTo(400);
        assertThat(notFinite.<String>at("errors.0.field")).isEqualTo(usagePath + ".cost.amount");

        assertThat(api.get("/v1/optimizers/" + id).json()).isEqualTo(before);
        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);
    }

    @Test
    void aStepThatReachesTheBudgetMakesNoFurtherModelCallsAndChangesNothing() {
        String marker = "Per-call budget";
        openAi.answer(marker, "<IMPROVED_VARIABLE>" + marker + ", spent.</IMPROVED_VARIABLE>", TOKENS, TOKENS);
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", marker + " 1.", "role", "prompt"),
                Map.of("data", marker + " 2.", "role", "prompt"), Map.of("data", marker + " 3.", "role", "prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o")), "budget", Map.of("amount", 0.01)));
        String id = created.at("id");
        for (int i = 0; i < 3; i++) {
            api.post("/v1/optimizers/" + id + "/params/" + created.at("param_groups.0.params." + i + ".id") + "/grad", Map.of("data", "More."));
        }
        var calls = postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(containing(marker));
        int before = openAi.server().countRequestsMatching(calls.build()).getCount();

        var step = api.post("/v1/optimizers/" + id + "/step", null);

        assertThat(step.status()).as(step.raw()).isEqualTo(402);
        assertThat(step.contentType()).startsWith("application/problem+json");
        assertThat(step.<String>at("type")).endsWith("/budget-exhausted");
        assertThat(step.<Integer>at("step")).isEqualTo(1);
        assertThat(step.<List<Map<String, Object>>>at("failures")).extracting(f -> f.get("reason")).containsExactly("budget", "budget");
        assertThat(step.<Number>at("spent.amount").doubleValue()).isEqualTo(CALL_COST);
        assertThat(openAi.server().countRequestsMatching(calls.build()).getCount() - before)
                .as("calls the provider got: the first only").isEqualTo(1);
        var session = api.get("/v1/optimizers/" + id);
        assertThat(session.<Integer>at("step_count")).isZero();
        assertThat(session.<String>at("param_groups.0.params.0.data")).isEqualTo(marker + " 1.");
        assertThat(session.<Number>at("budget.spent").doubleValue()).isEqualTo(CALL_COST);
        assertThat(api.get("/v1/optimizers/" + id + "/steps/1").<String>at("status")).isEqualTo("failed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withUsage(Map<String, Object> exported, Map<String, Object> cost, Object promptTokens) {
        var groups = (List<Map<String, Object>>) exported.get("param_groups");
        var group = new LinkedHashMap<>(groups.get(0));
        var client = new LinkedHashMap<>((Map<String, Object>) group.get("model_client"));
        client.put("usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", 5, "total_tokens", 15, "cost", cost));
        group.put("model_client", client);
        return Map.of("state", exported.get("state"), "param_groups", List.of(group));
    }
}
