package dev.textopt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Every error status of the API answers application/problem+json that says what to change. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "textopt.http.max-body-size=64KB")
class ProblemResponsesTest extends EndToEndTest {

    private static void assertProblem(Api.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>at("type")).startsWith("https://textopt.dev/problems/");
        assertThat(response.<Integer>at("status")).isEqualTo(status);
        assertThat(response.<String>at("detail")).contains(detailContains);
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at dev.textopt").doesNotContain("SQL");
    }

    private String createSession() {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Be brief.", "role", "system prompt"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.at("id");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(api.send("POST", "/v1/optimizers", "{\"params\": [", "application/json"), 400, "not valid JSON");
    }

    @Test
    void unknownFieldIs400NamingIt() {
        var response = api.send("POST", "/v1/optimizers", "{\"params\": [{\"data\": \"x\"}], \"learning_rate\": 0.1}", "application/json");
        assertProblem(response, 400, "learning_rate");
        assertThat(response.<String>at("errors.0.field")).isEqualTo("learning_rate");
    }

    @Test
    void unknownVariableFieldIs400NamingItsPath() {
        var response = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "x", "colour", "red"))));
        assertProblem(response, 400, "params[0].colour");
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        var response = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", 42))));
        assertProblem(response, 400, "params[0].data");
    }

    @Test
    void badOptionValueIs400NamingTheField() {
        var response = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "x")), "defaults", Map.of("momentum", -1)));
        assertProblem(response, 400, "momentum");
        assertThat(response.<String>at("errors.0.field")).contains("momentum");
    }

    @Test
    void aForwardBatchOverTheDefaultLimitOf256Is400NamingInputs() {
        String id = createSession();
        var created = api.get("/v1/optimizers/" + id);
        var messages = List.of(Map.of("role", "system", "content", List.of(Map.of("param", created.<String>at("param_groups.0.params.0.id")))),
                Map.of("role", "user", "content", List.of("{text}")));
        var response = api.post("/v1/optimizers/" + id + "/forward", Map.of("messages", messages,
                "inputs", java.util.Collections.nCopies(257, Map.of("text", "x"))));
        assertProblem(response, 400, "at most 256 per request (textopt.limits.max-batch-size)");
        assertThat(response.<String>at("errors.0.field")).isEqualTo("inputs");
    }

    @Test
    void unknownSessionIs404() {
        assertProblem(api.get("/v1/optimizers/6f1c0000-0000-0000-0000-000000000000"), 404, "no optimizer session");
        assertProblem(api.get("/v1/optimizers/not-a-uuid"), 404, "UUID");
    }

    @Test
    void unknownParameterIs404() {
        String id = createSession();
        assertProblem(api.get("/v1/optimizers/" + id + "/params/6f1c0000-0000-0000-0000-000000000000"), 404, "no parameter");
    }

    @Test
    void unknownHistoryEntryIs404() {
        String id = createSession();
        assertProblem(api.get("/v1/optimizers/" + id + "/steps/7"), 404, "no history entry 7");
    }

    @Test
    void wrongMethodIs405() {
        var response = api.send("PUT", "/v1/optimizers", "{}", "application/json");
        assertProblem(response, 405, "PUT");
    }

    @Test
    void aPathNoEndpointHasIs404OfTheCatalog() {
        var response = api.get("/v1/no-such-thing");
        assertProblem(response, 404, "No static resource");
        assertThat(response.<String>at("type")).isEqualTo("https://textopt.dev/problems/not-found");
    }

    @Test
    void anAcceptThatIsNotJsonIs406OfTheCatalog() {
        var response = api.send("GET", "/v1/optimizers", (byte[]) null, null, "Accept", "text/plain");
        assertProblem(response, 406, "application/json");
        assertThat(response.<String>at("type")).isEqualTo("https://textopt.dev/problems/not-acceptable");
    }

    @Test
    void wrongMediaTypeIs415() {
        var response = api.send("POST", "/v1/optimizers", "params=x", "text/plain");
        assertProblem(response, 415, "text/plain");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "x".repeat(70 * 1024);
        var response = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", big))));
        assertProblem(response, 413, "larger than");
    }

    @Test
    void closureToAHostNotAllowedIs400() {
        String id = createSession();
        var response = api.post("/v1/optimizers/" + id + "/step", Map.of("closure", Map.of("url", "http://evaluator.internal/loss")));
        assertProblem(response, 400, "allowed");
        assertThat(response.<String>at("errors.0.field")).isEqualTo("closure.url");
    }

    @Test
    void stateDictOfAnotherShapeIs400AndChangesNothing() {
        String id = createSession();
        var before = api.get("/v1/optimizers/" + id);
        var response = api.put("/v1/optimizers/" + id + "/state-dict",
                Map.of("state_dict", Map.of("state", Map.of(), "param_groups", List.of()), "model_clients", Map.of("model_client", "openai")));
        assertProblem(response, 400, "param group");
        assertThat(api.get("/v1/optimizers/" + id).<Integer>at("version")).isEqualTo(before.<Integer>at("version"));
    }

    @Test
    void stateDictWithoutTheModelClientEntryIs400NamingTheKey() {
        String id = createSession();
        var exported = api.get("/v1/optimizers/" + id + "/state-dict");
        var response = api.put("/v1/optimizers/" + id + "/state-dict", Map.of("state_dict", exported.body(), "model_clients", Map.of()));
        assertProblem(response, 400, "model_client");
    }
}
