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
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What a step does to a session besides new values: versions, grads appended meanwhile, failures, restore. */
class StepRulesTest extends EndToEndTest {

    @DynamicPropertySource
    static void noRetries(DynamicPropertyRegistry registry) {
        registry.add("textopt.model-clients.openai.max-retries", () -> "0");
    }

    private String[] sessionWithGrad(String data) {
        String id = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", data, "role", "prompt")),
                "defaults", Map.of("momentum", 2))).at("id");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Improve it.", "role", "feedback"));
        return new String[] {id, paramId};
    }

    @Test
    void everyChangeGivesANewVersion() {
        openAi.answer("Versioned.", "<IMPROVED_VARIABLE>Versioned twice.</IMPROVED_VARIABLE>", 3, 2);
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Versioned.", "role", "prompt"))));
        String id = created.at("id");
        String paramId = created.at("param_groups.0.params.0.id");
        long v0 = created.<Number>at("version").longValue();
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "More.", "role", "feedback"));
        long v1 = api.get("/v1/optimizers/" + id).<Number>at("version").longValue();
        api.post("/v1/optimizers/" + id + "/step", null);
        long v2 = api.get("/v1/optimizers/" + id).<Number>at("version").longValue();
        api.patch("/v1/optimizers/" + id + "/params/" + paramId, Map.of("role", "system prompt"));
        long v3 = api.get("/v1/optimizers/" + id).<Number>at("version").longValue();
        api.post("/v1/optimizers/" + id + "/clear-grad", null);
        long v4 = api.get("/v1/optimizers/" + id).<Number>at("version").longValue();
        assertThat(List.of(v0, v1, v2, v3, v4)).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void gradientsAppendedWhileAStepRunsAreKept() throws Exception {
        openAi.server().stubFor(openAi.matching("Slow to improve.").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(1000)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Improved.</IMPROVED_VARIABLE>", 4, 2)))));
        String[] ids = sessionWithGrad("Slow to improve.");
        var accepted = api.post("/v1/optimizers/" + ids[0] + "/step", null, "Prefer", "respond-async");
        var appended = api.post("/v1/optimizers/" + ids[0] + "/params/" + ids[1] + "/grad", Map.of("data", "Late feedback.", "role", "feedback"));
        assertThat(appended.status()).isEqualTo(200);
        assertThat(api.patch("/v1/optimizers/" + ids[0] + "/params/" + ids[1], Map.of("data", "Hand edit.")).status())
                .as("a hand edit during a step is refused").isEqualTo(409);
        awaitFinished(accepted.location());
        var param = api.get("/v1/optimizers/" + ids[0] + "/params/" + ids[1]);
        assertThat(param.<String>at("data")).isEqualTo("Improved.");
        assertThat(param.<List<Map<String, Object>>>at("grad")).extracting(g -> g.get("data"))
                .containsExactly("Improve it.", "Late feedback.");
    }

    @Test
    void aFailedStepChangesNoParameterCountsItsTokensAndNamesTheParameter() {
        openAi.answer("Never tagged.", "Here is a better prompt, without the tags.", 30, 10);
        String[] ids = sessionWithGrad("Never tagged.");
        var before = api.get("/v1/optimizers/" + ids[0]);
        var failed = api.post("/v1/optimizers/" + ids[0] + "/step", null);
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.<String>at("failures.0.param_id")).isEqualTo(ids[1]);
        assertThat(failed.<String>at("failures.0.reason")).isEqualTo("unusable_reply");
        var after = api.get("/v1/optimizers/" + ids[0]);
        assertThat(after.<String>at("param_groups.0.params.0.data")).isEqualTo("Never tagged.");
        assertThat(after.<Integer>at("step_count")).isEqualTo(before.<Integer>at("step_count"));
        assertThat(after.<Integer>at("usage.openai.prompt_tokens")).as("the re-ask was counted too").isEqualTo(60);
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/state-dict").<Map<?, ?>>at("state"))
                .as("no momentum entry for a failed step").isEmpty();
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/steps/1").<String>at("status")).isEqualTo("failed");
    }

    @Test
    void aReplyWithoutTheTagsIsReAskedOnceAndTheGoodAnswerApplied() {
        String scenario = "re-ask";
        openAi.server().stubFor(openAi.matching("Needs a re-ask.").inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("asked once")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("Sure! A better prompt would be: Needs no re-ask.", 20, 8)))));
        openAi.server().stubFor(openAi.matching("Needs a re-ask.").inScenario(scenario).whenScenarioStateIs("asked once")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Needs no re-ask.</IMPROVED_VARIABLE>", 30, 6)))));
        String[] ids = sessionWithGrad("Needs a re-ask.");
        var step = api.post("/v1/optimizers/" + ids[0] + "/step", null);
        assertThat(step.status()).as(step.raw()).isEqualTo(200);
        assertThat(step.<String>at("params.0.data")).isEqualTo("Needs no re-ask.");
        assertThat(step.<Integer>at("usage.openai.prompt_tokens")).as("both calls are counted").isEqualTo(50);
        var requests = openAi.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Needs a re-ask.")));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getBodyAsString()).as("the re-ask carries the first reply and says what was wrong")
                .contains("Sure! A better prompt would be").contains("IMPROVED_VARIABLE");
    }

    @Test
    void aProviderErrorIs502NamingItsStatus() {
        String[] ids = sessionWithGrad("Nobody stubbed this prompt.");
        var failed = api.post("/v1/optimizers/" + ids[0] + "/step", null);
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.<String>at("failures.0.reason")).isEqualTo("provider_error");
        assertThat(failed.<Integer>at("failures.0.provider_status")).isEqualTo(500);
        assertThat(failed.raw()).doesNotContain(FakeOpenAi.API_KEY);
    }

    @Test
    void restoreGoesBackToAnEarlierEntryAndIsRecorded() {
        openAi.answer("Version zero.", "<IMPROVED_VARIABLE>Version one.</IMPROVED_VARIABLE>", 3, 2);
        openAi.answer("Version one.", "<IMPROVED_VARIABLE>Version two.</IMPROVED_VARIABLE>", 3, 2);
        String[] ids = sessionWithGrad("Version zero.");
        api.post("/v1/optimizers/" + ids[0] + "/step", null);
        api.post("/v1/optimizers/" + ids[0] + "/step", null);
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/params/" + ids[1]).<String>at("data")).isEqualTo("Version two.");
        var momentum = api.get("/v1/optimizers/" + ids[0] + "/state-dict").<List<?>>at("state.0.momentum_buffer");
        assertThat(momentum).hasSize(2);

        var restored = api.post("/v1/optimizers/" + ids[0] + "/steps/1/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.<String>at("param_groups.0.params.0.data")).isEqualTo("Version one.");
        var entry = api.get("/v1/optimizers/" + ids[0] + "/steps/3");
        assertThat(entry.<String>at("kind")).isEqualTo("restore");
        assertThat(entry.<Integer>at("restored_to")).isEqualTo(1);

        assertThat(api.post("/v1/optimizers/" + ids[0] + "/steps/0/restore", null).<String>at("param_groups.0.params.0.data"))
                .isEqualTo("Version zero.");
        assertThat(api.post("/v1/optimizers/" + ids[0] + "/steps/3/restore", null).<String>at("param_groups.0.params.0.data"))
                .as("an entry that was itself a restore").isEqualTo("Version one.");
        assertThat(api.post("/v1/optimizers/" + ids[0] + "/steps/99/restore", null).status()).isEqualTo(404);
        assertThat(api.get("/v1/optimizers/" + ids[0] + "/state-dict").<List<?>>at("state.0.momentum_buffer"))
                .as("restores leave momentum alone").isEqualTo(momentum);
    }

    @Test
    void theReadmesCustomMessagesReachTheModelWithInputsFilledIn() {
        openAi.answer("for a customer support team", "<IMPROVED_VARIABLE>Greet warmly.</IMPROVED_VARIABLE>", 5, 2);
        var messages = List.of(
                Map.of("role", "system", "content", List.of("You rewrite {role}s for a {domain} team. Answer only with <IMPROVED_VARIABLE>new text</IMPROVED_VARIABLE>.")),
                Map.of("role", "user", "content", List.of("<VARIABLE>Say hi.</VARIABLE>\n<FEEDBACK>Too short.</FEEDBACK>")),
                Map.of("role", "assistant", "content", List.of("<IMPROVED_VARIABLE>Greet the customer by name and offer help.</IMPROVED_VARIABLE>")),
                Map.of("role", "user", "content", List.of("<VARIABLE>{variable}</VARIABLE>\n{feedback}\n{past_iterations}{constraints}Improve it.")));
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Hello.", "role", "greeting")),
                "defaults", Map.of("messages", messages, "inputs", Map.of("domain", "customer support"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.at("id");
        String paramId = created.at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Warmer.", "role", "feedback"));
        var step = api.post("/v1/optimizers/" + id + "/step", null);
        assertThat(step.status()).as(step.raw()).isEqualTo(200);
        assertThat(step.<String>at("params.0.data")).isEqualTo("Greet warmly.");

        var unknown = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "x")),
                "defaults", Map.of("messages", List.of(Map.of("role", "user", "content", List.of("{variable} {tone}"))))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.raw()).contains("tone");
    }

    private void awaitFinished(String location) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && "running".equals(api.get(location).at("status"))) {
            Thread.sleep(100);
        }
    }
}
