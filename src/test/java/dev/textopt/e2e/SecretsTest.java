package dev.textopt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.FakeOpenAi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * After a run that used a provider key and textopt API keys — sessions, steps, a failed step,
 * exports, errors — neither secret is in any response, any row of the database, or the log.
 * A step that needs a client without a key is a 503 naming the variable to set.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "textopt.security.api-keys=team-secret:tk-SECRET-textopt-key-42",
        "textopt.model-clients.anthropic.api-key=",
        "logging.level.dev.textopt=DEBUG"})
class SecretsTest extends EndToEndTest {

    static final String TEXTOPT_KEY = "tk-SECRET-textopt-key-42";
    @DynamicPropertySource
    static void noRetries(DynamicPropertyRegistry registry) {
        registry.add("textopt.model-clients.openai.max-retries", () -> "0");
    }

    @Autowired
    JdbcTemplate jdbc;

    private final List<String> responses = new ArrayList<>();

    private Map<String, Object> call(String method, String path, Object body) {
        var response = new Api(port, TEXTOPT_KEY).send(method, path, body == null ? null : Api.json(body), "application/json");
        responses.add(response.headers().map() + response.raw());
        return response.raw().isBlank() || !response.raw().startsWith("{") ? Map.of("status", response.status()) : response.json();
    }

    @Test
    void noSecretReachesAResponseTheDatabaseOrTheLog(CapturedOutput output) {
        openAi.answer("Keep it secret.", "<IMPROVED_VARIABLE>Kept secret.</IMPROVED_VARIABLE>", 9, 3);
        var created = call("POST", "/v1/optimizers", Map.of("params", List.of(Map.of("data", "Keep it secret.", "role", "prompt")),
                "defaults", Map.of("momentum", 1)));
        String id = (String) created.get("id");
        @SuppressWarnings("unchecked")
        var group = (Map<String, Object>) ((List<Object>) created.get("param_groups")).get(0);
        @SuppressWarnings("unchecked")
        String paramId = (String) ((Map<String, Object>) ((List<Object>) group.get("params")).get(0)).get("id");
        call("POST", "/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Shorter.", "role", "feedback"));
        call("POST", "/v1/optimizers/" + id + "/step", null);
        call("GET", "/v1/optimizers/" + id + "/state-dict", null);
        call("GET", "/v1/optimizers/" + id + "/steps", null);
        call("PATCH", "/v1/optimizers/" + id + "/params/" + paramId, Map.of("data", "Nobody stubbed this one."));
        call("POST", "/v1/optimizers/" + id + "/step", null); // fails at the provider: 500
        call("GET", "/actuator/prometheus", null);

        // a client without a key: 503 naming what to set
        var anthropic = call("POST", "/v1/optimizers", Map.of("params", List.of(Map.of("data", "No key here.", "role", "prompt")),
                "defaults", Map.of("model_client", "anthropic", "completion_args", Map.of("model", "claude-haiku-4-5"))));
        String anthropicId = (String) anthropic.get("id");
        @SuppressWarnings("unchecked")
        var anthropicGroup = (Map<String, Object>) ((List<Object>) anthropic.get("param_groups")).get(0);
        @SuppressWarnings("unchecked")
        String anthropicParam = (String) ((Map<String, Object>) ((List<Object>) anthropicGroup.get("params")).get(0)).get("id");
        call("POST", "/v1/optimizers/" + anthropicId + "/params/" + anthropicParam + "/grad", Map.of("data", "x", "role", "feedback"));
        var unavailable = call("POST", "/v1/optimizers/" + anthropicId + "/step", null);
        assertThat(unavailable.get("status")).isEqualTo(503);
        assertThat((String) unavailable.get("detail")).contains("ANTHROPIC_API_KEY");

        for (String secret : List.of(FakeOpenAi.API_KEY, TEXTOPT_KEY)) {
            assertThat(responses).noneMatch(r -> r.contains(secret));
            assertThat(output.getAll()).doesNotContain(secret);
            for (String table : jdbc.queryForList(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class)) {
                Integer hits = jdbc.queryForObject("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?", Integer.class,
                        "%" + secret + "%");
                assertThat(hits).as("rows of %s holding a secret", table).isZero();
            }
        }
    }
}
