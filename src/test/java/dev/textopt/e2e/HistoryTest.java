package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.session.RecordHistoryPort;
import dev.textopt.support.EndToEndTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the history's entries say: entry 0, the creation, and a step's progress from start to end. */
class HistoryTest extends EndToEndTest {

    @Autowired
    private RecordHistoryPort history;

    @Test
    void entryZeroIsTheCreationWithTheValuesTheParametersStartedWith() {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Created as this.", "role", "prompt"),
                Map.of("data", "And this.", "role", "prompt"))));
        String id = created.at("id");
        String first = created.at("param_groups.0.params.0.id");
        api.patch("/v1/optimizers/" + id + "/params/" + first, Map.of("data", "Edited by hand."));
        api.post("/v1/optimizers/" + id + "/param-groups", Map.of("params", List.of(Map.of("data", "Joined later.", "role", "prompt"))));

        var entry = api.get("/v1/optimizers/" + id + "/steps/0");

        assertThat(entry.status()).as(entry.raw()).isEqualTo(200);
        assertThat(entry.<String>at("kind")).isEqualTo("create");
        assertThat(entry.<String>at("status")).isEqualTo("succeeded");
        assertThat(entry.<String>at("started_at")).isEqualTo(created.at("created_at"));
        assertThat(entry.<List<Map<String, Object>>>at("params")).extracting(p -> p.get("id"), p -> p.get("status"), p -> p.get("data"))
                .containsExactly(Tuple.tuple(first, "created", "Created as this."),
                        Tuple.tuple(created.at("param_groups.0.params.1.id"), "created", "And this."));
        var past = api.get("/v1/optimizers/" + id + "/steps/2");
        assertThat(past.status()).isEqualTo(404);
        assertThat(past.<String>at("detail")).contains("its entries are 0 to 1");
    }

    @Test
    void progressCountsTheParametersTheStepCallsTheModelForFromStartToEnd() {
        openAi.answer("Progress called.", "<IMPROVED_VARIABLE>Progress, called.</IMPROVED_VARIABLE>", 5, 3);
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Progress called.", "role", "prompt"),
                Map.of("data", "Progress without feedback.", "role", "prompt"),
                Map.of("data", "Progress frozen.", "role", "prompt", "requires_grad", false))));
        String id = created.at("id");
        api.post("/v1/optimizers/" + id + "/params/" + created.at("param_groups.0.params.0.id") + "/grad", Map.of("data", "Go on.", "role", "f"));

        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);
        var succeeded = api.get("/v1/optimizers/" + id + "/steps/1");
        assertThat(succeeded.<Map<String, Object>>at("progress")).as("one call, not the three parameters listed")
                .isEqualTo(Map.of("done", 1, "total", 1));
        assertThat(succeeded.<List<?>>at("params")).hasSize(3);
        assertThat(history.updateProgress(UUID.fromString(id), 1, 0, 1)).as("progress written late, after the step's end").isFalse();
        assertThat(api.get("/v1/optimizers/" + id + "/steps/1").<Map<String, Object>>at("progress")).isEqualTo(Map.of("done", 1, "total", 1));

        openAi.server().stubFor(openAi.matching("Progress, called.").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"message\": \"refused\"}}")));
        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(502);
        assertThat(api.get("/v1/optimizers/" + id + "/steps/2").<Map<String, Object>>at("progress"))
                .as("the failed step's call ended too").isEqualTo(Map.of("done", 1, "total", 1));

        api.post("/v1/optimizers/" + id + "/steps/0/restore", null);
        assertThat(api.get("/v1/optimizers/" + id + "/steps/3").<Map<String, Object>>at("progress"))
                .as("a restore calls no model").isEqualTo(Map.of("done", 0, "total", 0));
    }
}
