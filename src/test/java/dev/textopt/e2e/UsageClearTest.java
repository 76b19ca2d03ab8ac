package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.FakeOpenAi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST …/usage/clear, afnio's clear_usage: the usage starts again from zero, what the budget counts does not. */
class UsageClearTest extends EndToEndTest {

    /** 1,000 prompt and 1,000 completion tokens of gpt-4o cost 0.0125 USD. */
    private static final int TOKENS = 1000;
    private static final double CALL_COST = 0.0125;

    @Test
    void usageIsClearedEverywhereButTheBudgetsSpentStaysAndKeepsCounting() {
        openAi.answer("Usage to clear.", "<IMPROVED_VARIABLE>Usage to clear, again.</IMPROVED_VARIABLE>", TOKENS, TOKENS);
        openAi.answer("Usage to clear, again.", "<IMPROVED_VARIABLE>Usage to clear, once more.</IMPROVED_VARIABLE>", TOKENS, TOKENS);
        String[] stepped = steppedOnce("Usage to clear.");
        String session = stepped[0];
        assertThat(api.get(session).<Number>at("usage.openai.total_tokens").longValue()).isEqualTo(2L * TOKENS);

        var cleared = api.post(session + "/usage/clear", null);

        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(cleared.<Map<String, Object>>at("usage.openai")).containsEntry("prompt_tokens", 0)
                .containsEntry("completion_tokens", 0).containsEntry("total_tokens", 0);
        assertThat(cleared.<Number>at("usage.openai.cost.amount").doubleValue()).isZero();
        assertThat(cleared.<Number>at("budget.spent").doubleValue()).as("clearing usage frees no budget").isEqualTo(CALL_COST);
        assertThat(api.get(session + "/state-dict").<Number>at("param_groups.0.model_client.usage.total_tokens").longValue()).isZero();
        assertThat(cleared.headers().firstValue("ETag")).contains("\"" + cleared.<Number>at("version") + "\"");

        assertThat(api.post(session + "/step", null).status()).isEqualTo(200);
        var after = api.get(session);
        assertThat(after.<Number>at("usage.openai.total_tokens").longValue()).as("counted from zero").isEqualTo(2L * TOKENS);
        assertThat(after.<Number>at("budget.spent").doubleValue()).as("spent keeps counting").isEqualTo(2 * CALL_COST);
    }

    /** A model missing from the price table: its tokens count, its cost is unknown from then on, and no budget is spent on it. */
    @Test
    void aCostOnceUnknownStaysUnknownWhileTokensKeepAddingUp() {
        var unpricedAnswer = FakeOpenAi.completion("<IMPROVED_VARIABLE>Unpriced, then priced.</IMPROVED_VARIABLE>", TOKENS, TOKENS);
        unpricedAnswer.put("model", "a-model-with-no-price"); // the price table goes by the model that answered
        openAi.server().stubFor(openAi.matching("Unpriced first.").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Api.json(unpricedAnswer))));
        openAi.answer("Unpriced, then priced.", "<IMPROVED_VARIABLE>Priced at last.</IMPROVED_VARIABLE>", TOKENS, TOKENS);
        String[] stepped = steppedOnce("Unpriced first.");
        String session = stepped[0];
        String param = stepped[1];
        var unpriced = api.get(session);
        assertThat(unpriced.<Object>at("usage.openai.cost.amount")).isNull();
        assertThat(unpriced.<Number>at("budget.spent").doubleValue()).isZero();

        api.post(session + "/params/" + param + "/grad", Map.of("data", "Again.", "role", "feedback"));
        assertThat(api.post(session + "/step", null).status()).isEqualTo(200);

        var after = api.get(session);
        assertThat(after.<Number>at("usage.openai.total_tokens").longValue()).isEqualTo(4L * TOKENS);
        assertThat(after.<Object>at("usage.openai.cost.amount")).as("unknown once, unknown from then on").isNull();
        assertThat(after.<Number>at("budget.spent").doubleValue()).as("the priced call is spent").isEqualTo(CALL_COST);
    }

    /** A session of one prompt with a budget of 1 USD, stepped once with one gradient: its path and its parameter's id. */
    private String[] steppedOnce(String prompt) {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", prompt, "role", "prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o")), "budget", Map.of("amount", 1.0, "currency", "USD")));
        String session = "/v1/optimizers/" + created.<String>at("id");
        String param = created.at("param_groups.0.params.0.id");
        api.post(session + "/params/" + param + "/grad", Map.of("data", "Again.", "role", "feedback"));
        assertThat(api.post(session + "/step", null).status()).isEqualTo(200);
        return new String[] {session, param};
    }

    @Test
    void anUnknownSessionIsA404() {
        var missing = api.post("/v1/optimizers/6f1c0000-0000-4000-8000-000000000000/usage/clear", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.<String>at("type")).isEqualTo("https://textopt.dev/problems/not-found");
    }
}
