package dev.textopt.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.Sql;
import dev.textopt.support.TrainingEndToEndTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Forward passes: what the model is sent, what a trace keeps, what is refused, and how traces go away. */
class ForwardTest extends TrainingEndToEndTest {

    @Test
    void theModelSeesExactlyTheRenderedMessagesAndTheTraceKeepsThem() {
        String marker = "Rendered " + UUID.randomUUID();
        String[] ids = session(marker + " {not a placeholder}");
        var body = Map.of("messages", List.of(
                Map.of("role", "system", "content", List.of(Map.of("param", ids[1]), Map.of("data", "Literal {x} stays.", "role", "note"))),
                Map.of("role", "user", "content", List.of("Say {text} in {{braces}}."))),
                "inputs", List.of(Map.of("text", "hi {there}")));

        var answer = api.post("/v1/optimizers/" + ids[0] + "/forward", body);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        var sent = models.conversationsWith(marker);
        assertThat(sent).containsExactly(List.of(
                Map.of("role", "system", "content", marker + " {not a placeholder}\nLiteral {x} stays."),
                Map.of("role", "user", "content", "Say hi {there} in {braces}.")));
        assertThat(answer.<String>at("traces.0.output")).isEqualTo("Say hi {there} in {braces}.");
        assertThat(answer.<List<Map<String, Object>>>at("traces.0.params")).containsExactly(Map.of("id", ids[1], "version", 0));

        var trace = api.get("/v1/optimizers/" + ids[0] + "/traces/" + answer.at("traces.0.id"));
        assertThat(trace.status()).as(trace.raw()).isEqualTo(200);
        assertThat(trace.<List<Map<String, Object>>>at("messages")).isEqualTo(sent.get(0));
        assertThat(trace.<Map<String, Object>>at("inputs")).isEqualTo(Map.of("text", "hi {there}"));
        assertThat(trace.<List<Map<String, Object>>>at("params"))
                .containsExactly(Map.of("id", ids[1], "version", 0, "data", marker + " {not a placeholder}"));
        assertThat(trace.<String>at("model_client")).isEqualTo("openai");
        assertThat(trace.<String>at("model")).isEqualTo("gpt-4o-2024-08-06");
        assertThat(trace.<Object>at("evaluation")).isNull();
        assertThat(Duration.between(Instant.parse(trace.at("created_at")), Instant.parse(trace.at("expires_at"))))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(trace.<Map<String, Object>>at("usage")).isEqualTo(answer.at("traces.0.usage"));
    }

    @Test
    void oneCallPerInputItemTracesInInputOrderAndTheirTokensInTheSessionsUsage() {
        String[] ids = session("Repeat the text.");
        var answer = api.post("/v1/optimizers/" + ids[0] + "/forward", Map.of("messages", messages(ids[1]),
                "inputs", inputs("one", "two", "three")));

        assertThat(answer.<List<Map<String, Object>>>at("traces")).extracting(t -> t.get("index"), t -> t.get("output"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "one"), org.assertj.core.groups.Tuple.tuple(1, "two"),
                        org.assertj.core.groups.Tuple.tuple(2, "three"));
        long tokens = answer.<List<Map<String, Object>>>at("traces").stream()
                .mapToLong(t -> ((Number) ((Map<?, ?>) ((Map<?, ?>) t.get("usage")).get("openai")).get("total_tokens")).longValue()).sum();
        assertThat(answer.<Number>at("usage.openai.total_tokens").longValue()).isEqualTo(tokens);
        var session = api.get("/v1/optimizers/" + ids[0]);
        assertThat(session.<Number>at("usage.openai.total_tokens").longValue()).isEqualTo(tokens);
    }

    @Test
    void badInputIs400NamingTheFieldAndCallsNoModel() {
        String[] ids = session("Repeat the text.");
        String forward = "/v1/optimizers/" + ids[0] + "/forward";
        int before = models.server().getAllServeEvents().size();

        assertField(api.post(forward, Map.of("messages", messages(UUID.randomUUID().toString()), "inputs", inputs("x"))),
                "messages[0].content[0].param");
        assertField(api.post(forward, Map.of("messages", messages(ids[1]), "inputs", List.of())), "inputs");
        assertField(api.post(forward, Map.of("messages", messages(ids[1]),
                "inputs", inputs("1", "2", "3", "4", "5", "6", "7", "8", "9"))), "inputs");
        assertField(api.post(forward, Map.of("messages", messages(ids[1]), "inputs", List.of(Map.of("text", "a"), Map.of("other", "b")))),
                "inputs[1].text");
        assertField(api.post(forward, Map.of("messages", messages(ids[1]), "inputs", List.of(Map.of("text", 42)))), "inputs[0].text");
        assertField(api.post(forward, Map.of("messages", List.of(Map.of("role", "user", "content", List.of("{missing}"))),
                "inputs", inputs("x"), "model_client", "openai")), "messages[0].content[0]");
        assertField(api.post(forward, Map.of("messages", List.of(Map.of("role", "user", "content", List.of(Map.of("param", ids[1], "x", 1)))),
                "inputs", inputs("x"))), "messages[0].content[0]");
        assertField(api.post(forward, Map.of("messages", List.of(Map.of("role", "robot", "content", List.of("{text}"))),
                "inputs", inputs("x"), "model_client", "openai")), "messages[0].role");
        assertField(api.post(forward, Map.of("messages", messages(ids[1]), "inputs", inputs("x"), "model_client", "nobody")), "model_client");
        assertField(api.post(forward, Map.of("messages", messages(ids[1]), "inputs", inputs("x"),
                "completion_args", Map.of("bogus", 1))), "completion_args");
        assertField(api.post(forward, Map.of("messages", List.of(Map.of("role", "user", "content", List.of("{text}"))),
                "inputs", inputs("x"))), "model_client");

        var keyless = api.post(forward, Map.of("messages", messages(ids[1]), "inputs", inputs("x"), "model_client", "keyless"));
        assertThat(keyless.status()).as(keyless.raw()).isEqualTo(503);
        assertThat(keyless.<String>at("model_client")).isEqualTo("keyless");

        assertThat(models.server().getAllServeEvents()).hasSize(before);
    }

    @Test
    void expiredTracesAreGoneForEveryRequestAndSweptAway() throws Exception {
        String[] ids = session("Repeat the text.");
        String trace = forward(ids[0], ids[1], "expiring").get(0);
        assertThat(Sql.update("UPDATE trace SET expires_at = now() - interval '1 second' WHERE id = ?", UUID.fromString(trace))).isEqualTo(1);

        assertThat(api.get("/v1/optimizers/" + ids[0] + "/traces/" + trace).status()).isEqualTo(404);
        var evaluate = api.post("/v1/optimizers/" + ids[0] + "/evaluate", Map.of("traces", List.of(trace),
                "evaluator", Map.of("type", "exact_match", "targets", List.of("EXPIRING"))));
        assertField(evaluate, "traces[0]");
        assertThat(evaluate.<String>at("errors.0.message")).contains("expire");
        var backward = api.post("/v1/optimizers/" + ids[0] + "/backward", Map.of("traces", List.of(Map.of("trace_id", trace, "score", 0))));
        assertField(backward, "traces[0].trace_id");

        Instant deadline = Instant.now().plusSeconds(10);
        while (Sql.count("SELECT count(*) FROM trace WHERE id = ?", UUID.fromString(trace)) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(Sql.count("SELECT count(*) FROM trace WHERE id = ?", UUID.fromString(trace))).as("swept").isZero();
    }

    @Test
    void tracesGoWithTheirSession() throws Exception {
        String[] ids = session("Repeat the text.");
        forward(ids[0], ids[1], "a", "b");
        assertThat(Sql.count("SELECT count(*) FROM trace WHERE session_id = ?", UUID.fromString(ids[0]))).isEqualTo(2);
        assertThat(api.delete("/v1/optimizers/" + ids[0]).status()).isEqualTo(204);
        assertThat(Sql.count("SELECT count(*) FROM trace WHERE session_id = ?", UUID.fromString(ids[0]))).isZero();
    }

    @Test
    void anotherTenantSeesNeitherTheSessionNorItsTraces() {
        String[] mine = session("Repeat the text.");
        String trace = forward(mine[0], mine[1], "private").get(0);
        var beta = new Api(port, "beta-key");

        assertThat(beta.get("/v1/optimizers/" + mine[0] + "/traces/" + trace).status()).isEqualTo(404);
        assertThat(beta.post("/v1/optimizers/" + mine[0] + "/forward", Map.of("messages", messages(mine[1]), "inputs", inputs("x")))
                .status()).isEqualTo(404);
        assertThat(beta.post("/v1/optimizers/" + mine[0] + "/evaluate", Map.of("traces", List.of(trace),
                "evaluator", Map.of("type", "exact_match", "targets", List.of("x")))).status()).isEqualTo(404);

        String theirs = beta.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Theirs.")))).at("id");
        var borrowed = beta.post("/v1/optimizers/" + theirs + "/evaluate", Map.of("traces", List.of(trace),
                "evaluator", Map.of("type", "exact_match", "targets", List.of("x"))));
        assertField(borrowed, "traces[0]");
        assertThat(borrowed.<String>at("errors.0.message")).as("not even that it exists elsewhere").startsWith("no trace of this session");
        assertThat(beta.get("/v1/optimizers/" + theirs + "/traces/" + trace).status()).isEqualTo(404);
    }

    @Test
    void aTraceOfAnotherSessionOfTheSameTenantIsNamed() {
        String[] first = session("Repeat the text.");
        String[] second = session("Repeat the text.");
        String trace = forward(first[0], first[1], "elsewhere").get(0);

        var answer = api.post("/v1/optimizers/" + second[0] + "/evaluate", Map.of("traces", List.of(trace),
                "evaluator", Map.of("type", "exact_match", "targets", List.of("x"))));

        assertField(answer, "traces[0]");
        assertThat(answer.<String>at("errors.0.message")).contains("another session");
        assertThat(api.get("/v1/optimizers/" + second[0] + "/traces/" + trace).status()).isEqualTo(404);
    }

    static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.<String>at("type")).endsWith("/invalid-request");
        assertThat(response.<List<Map<String, String>>>at("errors")).extracting(e -> e.get("field")).contains(field);
    }
}
