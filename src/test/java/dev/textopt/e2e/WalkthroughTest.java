package dev.textopt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.EndToEndTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's curl walk-through, over real HTTP, against PostgreSQL and a fake OpenAI. */
class WalkthroughTest extends EndToEndTest {

    static final String PROMPT = "Classify the sentiment.";
    static final String IMPROVED = "Classify the sentiment of the text as exactly one word: positive, negative or neutral.";

    static Map<String, Object> createBody() {
        return Map.of(
                "params", List.of(Map.of("data", PROMPT, "role", "system prompt for sentiment classification", "requires_grad", true)),
                "defaults", Map.of("constraints", List.of("Never output the characters { or }."), "momentum", 2,
                        "completion_args", Map.of("model", "gpt-4o", "temperature", 1.0)));
    }

    @Test
    void createFeedStepExportImportStep() {
        openAi.answer(PROMPT, "<IMPROVED_VARIABLE>" + IMPROVED + "</IMPROVED_VARIABLE>", 812, 64);

        // create
        var created = api.post("/v1/optimizers", createBody());
        assertThat(created.status()).isEqualTo(201);
        String id = created.at("id");
        assertThat(created.location()).isEqualTo("/v1/optimizers/" + id);
        assertThat(created.<String>at("optimizer")).isEqualTo("tgd");
        assertThat(created.<Integer>at("step_count")).isZero();
        Map<String, Object> defaults = created.at("defaults");
        assertThat(defaults).containsOnlyKeys("model_client", "messages", "inputs", "constraints", "momentum", "completion_args");
        assertThat(defaults.get("model_client")).isEqualTo("openai");
        assertThat((List<?>) defaults.get("messages")).hasSize(2);
        assertThat(defaults.get("momentum")).isEqualTo(2);
        Map<String, Object> group = created.at("param_groups.0");
        assertThat(group.get("momentum")).isEqualTo(2);
        assertThat(group.get("completion_args")).isEqualTo(Map.of("model", "gpt-4o", "temperature", 1.0));
        String paramId = created.at("param_groups.0.params.0.id");
        assertThat(created.<List<?>>at("param_groups.0.params.0.grad")).isEmpty();

        // append a gradient
        var fed = api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad",
                Map.of("data", "Ask for exactly one word.", "role", "feedback on the classifier prompt"));
        assertThat(fed.status()).isEqualTo(200);
        assertThat(fed.<String>at("grad.0.data")).isEqualTo("Ask for exactly one word.");

        // step
        var step = api.post("/v1/optimizers/" + id + "/step", null);
        assertThat(step.status()).as(step.raw()).isEqualTo(200);
        assertThat(step.<Integer>at("step")).isEqualTo(1);
        assertThat(step.json().get("loss")).isNull();
        assertThat(step.<String>at("params.0.status")).isEqualTo("updated");
        assertThat(step.<String>at("params.0.previous_data")).isEqualTo(PROMPT);
        assertThat(step.<String>at("params.0.data")).isEqualTo(IMPROVED);
        assertThat(step.<Integer>at("usage.openai.prompt_tokens")).isEqualTo(812);
        assertThat(step.<Integer>at("usage.openai.completion_tokens")).isEqualTo(64);
        assertThat(step.<Integer>at("usage.openai.total_tokens")).isEqualTo(876);
        assertThat(step.<Number>at("usage.openai.cost.amount").doubleValue()).isPositive();
        assertThat(step.<String>at("usage.openai.cost.currency")).isEqualTo("USD");

        // the session now has the new value, keeps its grad, and counts the step
        var session = api.get("/v1/optimizers/" + id);
        assertThat(session.<String>at("param_groups.0.params.0.data")).isEqualTo(IMPROVED);
        assertThat(session.<List<?>>at("param_groups.0.params.0.grad")).hasSize(1);
        assertThat(session.<Integer>at("step_count")).isEqualTo(1);
        assertThat(session.<Integer>at("usage.openai.total_tokens")).isEqualTo(876);

        // export
        var exported = api.get("/v1/optimizers/" + id + "/state-dict");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.<String>at("state.0.momentum_buffer.0.0.data")).isEqualTo(PROMPT);
        assertThat(exported.<String>at("state.0.momentum_buffer.0.1.0.data")).isEqualTo("Ask for exactly one word.");
        assertThat(exported.<Map<String, Object>>at("param_groups.0.model_client"))
                .containsEntry("name", "openai").containsEntry("provider", "openai").containsKeys("class_type", "usage");
        assertThat(exported.<List<Integer>>at("param_groups.0.params")).containsExactly(0);
        assertThat(exported.raw()).doesNotContain(FakeOpenAi.API_KEY);

        // import into a new session of the same shape; exporting it again gives the same JSON
        var second = api.post("/v1/optimizers", createBody());
        String secondId = second.at("id");
        var loaded = api.put("/v1/optimizers/" + secondId + "/state-dict",
                Map.of("state_dict", exported.body(), "model_clients", Map.of("model_client", "openai")));
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(200);
        assertThat(api.get("/v1/optimizers/" + secondId + "/state-dict").body()).isEqualTo(exported.body());

        // and step the imported session
        String secondParam = second.at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + secondId + "/params/" + secondParam + "/grad",
                List.of(Map.of("data", "Ask for exactly one word.", "role", "feedback")));
        var secondStep = api.post("/v1/optimizers/" + secondId + "/step", Map.of());
        assertThat(secondStep.status()).as(secondStep.raw()).isEqualTo(200);
        assertThat(secondStep.<String>at("params.0.data")).isEqualTo(IMPROVED);

        // the history shows the step
        var history = api.get("/v1/optimizers/" + id + "/steps");
        assertThat(history.<Integer>at("total_items")).isEqualTo(1);
        assertThat(history.<String>at("items.0.kind")).isEqualTo("step");
        assertThat(history.<String>at("items.0.status")).isEqualTo("succeeded");
        assertThat(history.<String>at("items.0.params.0.previous_data")).isEqualTo(PROMPT);
        assertThat(history.<String>at("items.0.params.0.grads.0.data")).isEqualTo("Ask for exactly one word.");
        assertThat(api.get("/v1/optimizers/" + id + "/steps/1").<String>at("params.0.data")).isEqualTo(IMPROVED);

        // and the metrics count the calls, tokens and cost
        String metrics = api.send("GET", "/actuator/prometheus", null, null).raw();
        assertThat(metrics).contains("textopt_model_calls_total{").contains("client=\"openai\"")
                .contains("gen_ai_client_token_usage_total{").contains("textopt_client=\"openai\"").contains("textopt_model_cost_USD_total{")
                .contains("textopt_steps_seconds_count{outcome=\"succeeded\"");
    }
}
