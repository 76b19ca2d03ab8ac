package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A group's options over HTTP as a port of an afnio loop uses them: constraints and inputs as
 * Variables, messages that must show the parameter, the provider's completion arguments.
 */
class GroupOptionsTest extends EndToEndTest {

    static Map<String, Object> variable(String data, String role) {
        return Map.of("data", data, "role", role, "requires_grad", false);
    }

    private Api.Response create(String data, Map<String, Object> defaults) {
        return api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", data, "role", "prompt")), "defaults", defaults));
    }

    private static void assertRefused(Api.Response response, String field, String messagePart) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.<List<Map<String, String>>>at("errors")).anySatisfy(error -> {
            assertThat(error.get("field")).isEqualTo(field);
            assertThat(error.get("message")).contains(messagePart);
        });
    }

    @Test
    void constraintsAndInputsAsVariablesReachThePromptAndAreKeptAndExportedAsGiven() {
        openAi.answer("Variables as options.", "<IMPROVED_VARIABLE>Better.</IMPROVED_VARIABLE>", 5, 2);
        var constraints = List.of(variable("Never output braces.", "constraint"), "Stay in English.");
        var messages = List.of(Map.of("role", "user", "content",
                List.of("For {audience}: <VARIABLE>{variable}</VARIABLE> {feedback} {constraints}Improve it.")));
        var created = create("Variables as options.", Map.of("constraints", constraints, "messages", messages,
                "inputs", Map.of("audience", variable("children", "audience"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.<Object>at("param_groups.0.constraints")).isEqualTo(constraints);
        assertThat(created.<Object>at("defaults.inputs.audience")).isEqualTo(variable("children", "audience"));
        String id = created.at("id");
        api.post("/v1/optimizers/" + id + "/params/" + created.at("param_groups.0.params.0.id") + "/grad",
                Map.of("data", "Shorter.", "role", "feedback"));

        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);

        var sent = openAi.server().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("Variables as options.")));
        assertThat(sent).singleElement().satisfies(request -> assertThat(request.getBodyAsString())
                .contains("For children: ").contains("1. Never output braces.\\n2. Stay in English."));
        assertThat(api.get("/v1/optimizers/" + id + "/state-dict").<Object>at("param_groups.0.constraints"))
                .as("the state dict keeps the Variable, as afnio's does").isEqualTo(constraints);
    }

    @Test
    void aConstraintThatIsNeitherTextNorVariableIsRefusedNamingIt() {
        assertRefused(create("x", Map.of("constraints", List.of("Fine.", Map.of("data", "x", "colour", "red")))),
                "defaults.constraints[1]", "must be a text or a variable");
    }

    @Test
    void messagesInWhichNoTurnShowsTheVariableAreRefusedAtCreationAndInAnAddedGroup() {
        var blind = List.of(Map.of("role", "system", "content", List.of("You improve texts.")),
                Map.of("role", "user", "content", List.of("Feedback: {feedback}")));
        assertRefused(create("x", Map.of("messages", blind)), "defaults.messages", "no turn uses {variable}");

        var created = create("Seen.", Map.of());
        var group = api.post("/v1/optimizers/" + created.at("id") + "/param-groups",
                Map.of("params", List.of(Map.of("data", "y")), "messages", blind));
        assertRefused(group, "param_groups[1].messages", "no turn uses {variable}");
    }

    @Test
    void completionArgumentsBeyondTheFirstNineReachTheProvider() {
        openAi.answer("New arguments.", "<IMPROVED_VARIABLE>Better.</IMPROVED_VARIABLE>", 5, 2);
        var args = Map.<String, Object>of("model", "gpt-4o", "frequency_penalty", 0.5, "presence_penalty", -0.5, "user", "team-a",
                "logit_bias", Map.of("50256", -100), "service_tier", "flex", "verbosity", "low", "store", false,
                "metadata", Map.of("experiment", "tone"));
        var created = create("New arguments.", Map.of("completion_args", args));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.at("id");
        api.post("/v1/optimizers/" + id + "/params/" + created.at("param_groups.0.params.0.id") + "/grad",
                Map.of("data", "Shorter.", "role", "feedback"));

        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);

        openAi.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("New arguments.")).withRequestBody(equalToJson(Api.json(args), false, true)));
    }

    @Test
    void completionArgumentsThatAreNotOneTextAnswerAreRefusedSayingWhy() {
        assertRefused(create("x", Map.of("completion_args", Map.of("n", 2))), "defaults.completion_args", "n must be 1");
        assertRefused(create("x", Map.of("completion_args", Map.of("stream", true))), "defaults.completion_args",
                "a call reads one whole answer");
        assertRefused(create("x", Map.of("completion_args", Map.of("tools", List.of()))), "defaults.completion_args",
                "not for tool or function calls");
    }
}
