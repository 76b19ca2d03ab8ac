package dev.textopt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.PostgresTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What clients and the Redocly lint of scripts/ci-api-checks.sh rely on in /v3/api-docs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDescriptionTest extends PostgresTest {

    @LocalServerPort
    int port;

    private JsonNode docs;

    @BeforeEach
    void fetch() throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        docs = JsonMapper.builder().build().readTree(response.body());
    }

    private List<JsonNode> operations() {
        var operations = new ArrayList<JsonNode>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> operations.add(op.getValue())));
        return operations;
    }

    @Test
    void everyOperationHasAnIdASuccessSchemaAndProblemAnswers() {
        assertThat(operations()).hasSize(31);
        for (JsonNode op : operations()) {
            String id = op.get("operationId").asString();
            JsonNode responses = op.get("responses");
            assertThat(responses.has("400") && responses.has("401") && responses.has("500")).as(id).isTrue();
            assertThat(responses.get("400").get("$ref").asString()).as(id).isEqualTo("#/components/responses/BadRequest");
            boolean success = responses.has("200") || responses.has("201") || responses.has("202") || responses.has("204");
            assertThat(success).as(id).isTrue();
        }
    }

    @Test
    void problemAnswersAreProblemJsonWithTheProblemSchema() {
        JsonNode notFound = docs.get("components").get("responses").get("NotFound").get("content");
        assertThat(notFound.get("application/problem+json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        JsonNode problem = docs.get("components").get("schemas").get("Problem").get("properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance", "errors");
    }

    @Test
    void schemasAreSnakeCaseLikeTheJson() {
        JsonNode schemas = docs.get("components").get("schemas");
        assertThat(schemas.get("PatchRequest").get("properties").has("requires_grad")).isTrue();
        assertThat(schemas.get("LoadStateDictRequest").get("properties").has("state_dict")).isTrue();
        assertThat(schemas.get("Session").get("properties").has("param_groups")).isTrue();
        assertThat(docs.get("info").get("license").get("name").asString()).isNotBlank();
    }
}
