package dev.textopt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.ApiContract;
import dev.textopt.support.EndToEndTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every operation of the OpenAPI description, once answered as it should be and once with a problem,
 * each answer checked against the description (as every exchange of {@code Api} is). An operation added
 * without a test here, or one that no longer exists, fails the comparison at the end.
 */
@TestPropertySource(properties = "textopt.closure.allowed-hosts=127.0.0.1") // a webhook to create
class ApiContractCoverageTest extends EndToEndTest {

    private static final String NO_SESSION = "/v1/optimizers/6f1c0000-0000-4000-8000-000000000000";

    @Test
    void everyOperationOfTheDescriptionIsAnsweredAsDescribedOnceWellAndOnceWithAProblem() {
        openAi.answer("Covered prompt.", "<IMPROVED_VARIABLE>Covered, better.</IMPROVED_VARIABLE>", 20, 5);
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Covered prompt.", "role", "prompt")),
                "defaults", Map.of("momentum", 1)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", 42))));
        String session = "/v1/optimizers/" + created.<String>at("id");
        String param = session + "/params/" + created.<String>at("param_groups.0.params.0.id");

        api.get("/v1/optimizers?page=0&size=5");
        api.get("/v1/optimizers?size=0");
        api.get(session);
        api.get(NO_SESSION);

        api.post(param + "/grad", Map.of("data", "Be more specific.", "role", "feedback"));
        api.post(param + "/grad", List.of(Map.of("role", "feedback without data")));
        api.get(param);
        api.get(session + "/params/6f1c0000-0000-4000-8000-000000000000");
        api.patch(param, Map.of("role", "system prompt"));
        api.patch(param, Map.of("requires_grad", "yes"));
        api.post(session + "/param-groups", Map.of("params", List.of(Map.of("data", "Second group.")), "momentum", 2));
        api.post(session + "/param-groups", Map.of("params", List.of()));
        api.patch(session + "/param-groups/0", Map.of("momentum", 2));
        api.patch(session + "/param-groups/9", Map.of("momentum", 2));

        api.post(session + "/step", null);
        api.post(session + "/step", Map.of("closure", Map.of("url", "http://evaluator.internal/loss")));
        api.get(session + "/steps");
        api.get(NO_SESSION + "/steps");
        api.get(session + "/steps/1");
        api.get(session + "/steps/99");
        api.post(session + "/steps/1/restore", null);
        api.post(session + "/steps/99/restore", null);
        api.stream(session + "/events", text -> text.contains("\n\n"), java.time.Duration.ofSeconds(30), "Last-Event-ID", "0");
        api.stream(NO_SESSION + "/events", text -> false, java.time.Duration.ofSeconds(30));

        var exported = api.get(session + "/state-dict");
        api.get(NO_SESSION + "/state-dict");
        api.put(session + "/state-dict", Map.of("state_dict", exported.body(), "model_clients", Map.of("model_client", "openai")));
        api.put(session + "/state-dict", Map.of("state_dict", exported.body(), "model_clients", Map.of()));
        api.post(session + "/clear-grad", null);
        api.post(NO_SESSION + "/clear-grad", null);
        api.post(session + "/usage/clear", null);
        api.post(NO_SESSION + "/usage/clear", null);

        openAi.answer("Covered input.", "Covered output.", 10, 2);
        var messages = List.of(Map.of("role", "system", "content", List.of(Map.of("param", created.<String>at("param_groups.0.params.0.id")))),
                Map.of("role", "user", "content", List.of("{text}")));
        var forward = api.post(session + "/forward", Map.of("messages", messages, "inputs", List.of(Map.of("text", "Covered input."))));
        api.post(session + "/forward", Map.of("messages", messages, "inputs", List.of()));
        String trace = forward.at("traces.0.id");
        api.get(session + "/traces/" + trace);
        api.get(session + "/traces/6f1c0000-0000-4000-8000-000000000000");
        api.post(session + "/evaluate", Map.of("traces", List.of(trace), "evaluator", Map.of("type", "exact_match", "targets", List.of("Covered."))));
        api.post(session + "/evaluate", Map.of("traces", List.of(trace), "evaluator", Map.of("type", "exact_match", "targets", List.of())));
        openAi.answer("<OUTPUT>Covered output.</OUTPUT>", "<FEEDBACK>Say it shorter.</FEEDBACK>", 30, 4);
        api.post(session + "/backward", Map.of("traces", List.of(Map.of("trace_id", trace))));
        api.post(session + "/backward", Map.of("traces", List.of(Map.of("trace_id", trace, "score", 2))));

        var run = Map.of("train", List.of(Map.of("inputs", Map.of("text", "Covered input."), "target", "Covered output.")),
                "forward", Map.of("messages", messages), "evaluator", Map.of("type", "exact_match"));
        var started = api.post(session + "/runs", run);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        api.post(session + "/runs", Map.of("train", List.of(), "forward", Map.of("messages", messages), "evaluator", Map.of("type", "exact_match")));
        api.get(session + "/runs");
        api.get(NO_SESSION + "/runs");
        api.get(started.location());
        api.get(session + "/runs/6f1c0000-0000-4000-8000-000000000000");
        api.post(started.location() + "/cancel", null);
        api.post(session + "/runs/6f1c0000-0000-4000-8000-000000000000/cancel", null);
        api.delete(session);
        api.delete(session);

        var webhook = api.post("/v1/webhooks", Map.of("url", "http://127.0.0.1:9/covered", "events", List.of("run.failed")));
        assertThat(webhook.status()).as(webhook.raw()).isEqualTo(201);
        api.post("/v1/webhooks", Map.of("url", "http://evaluator.internal/hook", "events", List.of("run.failed")));
        api.get("/v1/webhooks");
        api.get("/v1/webhooks?size=0");
        api.get(webhook.location());
        api.get("/v1/webhooks/6f1c0000-0000-4000-8000-000000000000");
        api.get(webhook.location() + "/deliveries");
        api.get("/v1/webhooks/6f1c0000-0000-4000-8000-000000000000/deliveries");
        api.delete(webhook.location());
        api.delete(webhook.location());

        Set<String> described = ApiContract.of("http://localhost:" + port, null).operations();
        assertThat(answered(status -> status < 300)).as("operations answered well").isEqualTo(described);
        assertThat(answered(status -> status >= 400)).as("operations answered with a problem").isEqualTo(described);
    }

    private Set<String> answered(java.util.function.IntPredicate status) {
        return api.exchanges().stream().filter(e -> status.test(e.status())).map(ApiContract.Exchange::operation)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
