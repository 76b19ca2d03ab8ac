package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.FakeOpenAi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PATCH …/param-groups/{index}: a group's options change mid-run, as torch code sets param_groups[0]["lr"]. */
class ParamGroupPatchTest extends EndToEndTest {

    private String session;
    private String param;

    private void create(String data, Map<String, Object> defaults) {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", data, "role", "prompt")), "defaults", defaults));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        session = "/v1/optimizers/" + created.<String>at("id");
        param = created.at("param_groups.0.params.0.id");
    }

    private void step(String feedback) {
        api.post(session + "/params/" + param + "/grad", Map.of("data", feedback, "role", "feedback"));
        var step = api.post(session + "/step", null);
        assertThat(step.status()).as(step.raw()).isEqualTo(200);
    }

    @Test
    void newOptionsReachTheNextStepAndTheChangeIsAnEntryOfTheHistory() {
        openAi.answer("Group to retune.", "<IMPROVED_VARIABLE>Retuned.</IMPROVED_VARIABLE>", 5, 2);
        create("Group to retune.", Map.of("momentum", 2, "constraints", List.of("Old rule.")));
        var newRule = Map.of("data", "New rule.", "role", "constraint", "requires_grad", false);

        var patched = api.patch(session + "/param-groups/0", Map.of("constraints", List.of(newRule),
                "completion_args", Map.of("model", "gpt-4o-mini", "temperature", 0.2)));

        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.<Object>at("constraints")).isEqualTo(List.of(newRule));
        assertThat(patched.<Integer>at("momentum")).as("an option left out stays").isEqualTo(2);
        assertThat(patched.<String>at("params.0.id")).isEqualTo(param);
        assertThat(api.get(session).<Object>at("param_groups.0.completion_args"))
                .isEqualTo(Map.of("model", "gpt-4o-mini", "temperature", 0.2));
        var entry = api.get(session + "/steps/1");
        assertThat(entry.<String>at("kind")).isEqualTo("edit_group");
        assertThat(entry.<Integer>at("group_edit.param_group")).isZero();
        assertThat(entry.<Map<String, Object>>at("group_edit.changes")).containsOnlyKeys("constraints", "completion_args");
        assertThat(entry.<Object>at("group_edit.changes.constraints.before")).isEqualTo(List.of("Old rule."));
        assertThat(entry.<Object>at("group_edit.changes.constraints.after")).isEqualTo(List.of(newRule));

        step("Shorter.");

        var sent = openAi.server().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("Group to retune.")));
        assertThat(sent).singleElement().satisfies(request -> assertThat(request.getBodyAsString())
                .contains("New rule.").doesNotContain("Old rule.").contains("\"model\":\"gpt-4o-mini\""));
    }

    @Test
    void aLowerMomentumForgetsTheOldestEntriesAtOnce() {
        openAi.answer("Momentum one.", "<IMPROVED_VARIABLE>Momentum two.</IMPROVED_VARIABLE>", 5, 2);
        openAi.answer("Momentum two.", "<IMPROVED_VARIABLE>Momentum three.</IMPROVED_VARIABLE>", 5, 2);
        create("Momentum one.", Map.of("momentum", 2));
        step("First feedback.");
        step("Second feedback.");
        assertThat(api.get(session + "/state-dict").<List<?>>at("state.0.momentum_buffer")).hasSize(2);

        assertThat(api.patch(session + "/param-groups/0", Map.of("momentum", 1)).status()).isEqualTo(200);

        var buffer = api.get(session + "/state-dict").<List<List<Map<String, Object>>>>at("state.0.momentum_buffer");
        assertThat(buffer).as("the newest entry stays").singleElement()
                .satisfies(entry -> assertThat(entry.get(0).get("data")).isEqualTo("Momentum two."));
        assertThat(api.patch(session + "/param-groups/0", Map.of("momentum", 0)).status()).isEqualTo(200);
        assertThat(api.get(session + "/state-dict").<Map<?, ?>>at("state")).isEmpty();
    }

    @Test
    void optionsThatANewGroupCouldNotHaveAreRefusedAsAWholeAndChangeNothing() {
        create("Stays as it was.", Map.of("momentum", 1));
        long version = api.get(session).<Number>at("version").longValue();

        var refused = api.patch(session + "/param-groups/0", Map.of("momentum", -1, "constraints", List.of("Fine.", 3)));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.<List<Map<String, String>>>at("errors")).extracting(e -> e.get("field"))
                .contains("param_groups[0].momentum", "param_groups[0].constraints[1]");
        var blind = List.of(Map.of("role", "user", "content", List.of("Improve it: {feedback}")));
        assertThat(api.patch(session + "/param-groups/0", Map.of("messages", blind)).raw()).contains("no turn uses {variable}");
        assertThat(api.patch(session + "/param-groups/0", Map.of("completion_args", Map.of("n", 3))).raw()).contains("n must be 1");
        var params = api.patch(session + "/param-groups/0", Map.of("params", List.of(Map.of("data", "x"))));
        assertThat(params.status()).as("parameters are not an option").isEqualTo(400);
        assertThat(params.<String>at("detail")).contains("params");

        var after = api.get(session);
        assertThat(after.<Integer>at("param_groups.0.momentum")).isEqualTo(1);
        assertThat(after.<Number>at("version").longValue()).isEqualTo(version);
        assertThat(api.get(session + "/steps").<Integer>at("total_items")).as("nothing recorded").isZero();
    }

    @Test
    void optionsGivenAsTheyAreChangeNothingAndAreNotRecorded() {
        create("Unchanged.", Map.of("momentum", 1));
        long version = api.get(session).<Number>at("version").longValue();

        var same = api.patch(session + "/param-groups/0", Map.of("momentum", 1));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.headers().firstValue("ETag")).contains("\"" + version + "\"");
        assertThat(api.get(session + "/steps").<Integer>at("total_items")).isZero();
    }

    @Test
    void aGroupTheSessionDoesNotHaveIsA404() {
        create("One group.", Map.of());

        var missing = api.patch(session + "/param-groups/1", Map.of("momentum", 1));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.<String>at("type")).isEqualTo("https://textopt.dev/problems/not-found");
        assertThat(missing.<String>at("detail")).contains("no param group 1").contains("0 to 0");
        assertThat(api.patch(session + "/param-groups/-1", Map.of("momentum", 1)).status()).isEqualTo(404);
        assertThat(api.patch("/v1/optimizers/6f1c0000-0000-4000-8000-000000000000/param-groups/0", Map.of("momentum", 1)).status())
                .isEqualTo(404);
    }

    @Test
    void aRunningStepRefusesTheChangeWith409() throws InterruptedException {
        openAi.server().stubFor(openAi.matching("Slow group.").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(1000)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Slow, done.</IMPROVED_VARIABLE>", 4, 2)))));
        create("Slow group.", Map.of("momentum", 1));
        api.post(session + "/params/" + param + "/grad", Map.of("data", "Faster.", "role", "feedback"));
        var accepted = api.post(session + "/step", null, "Prefer", "respond-async");

        var refused = api.patch(session + "/param-groups/0", Map.of("momentum", 3));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.<String>at("type")).isEqualTo("https://textopt.dev/problems/step-running");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && "running".equals(api.get(accepted.location()).at("status"))) {
            Thread.sleep(100);
        }
        assertThat(api.get(session).<Integer>at("param_groups.0.momentum")).isEqualTo(1);
    }
}
