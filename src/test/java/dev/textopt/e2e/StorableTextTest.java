package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.FakeOpenAi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Text that PostgreSQL would refuse (NUL) or change (a lone surrogate becomes '?') is refused where it
 * enters, with the field named, and nothing is stored; text that is fine, emoji included, is stored
 * exactly as sent. A model reply that could not be stored fails its call, and so the step, cleanly.
 */
class StorableTextTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    private long rows() {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM optimizer_session) + (SELECT count(*) FROM gradient)", Long.class);
    }

    @Test
    void aLoneSurrogateInABodyIs400NamingTheFieldAndNothingIsStored() {
        long before = rows();
        var created = api.send("POST", "/v1/optimizers",
                "{\"params\": [{\"data\": \"lone \\ud800 surrogate\", \"role\": \"prompt\"}]}", "application/json");
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.<String>at("errors.0.field")).isEqualTo("params[0].data");
        assertThat(created.<String>at("detail")).contains("lone surrogate");

        var session = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Fine.", "role", "prompt"))));
        String grad = "/v1/optimizers/" + session.at("id") + "/params/" + session.at("param_groups.0.params.0.id") + "/grad";
        var lowAlone = api.send("POST", grad, "{\"data\": \"ok\", \"role\": \"x\", \"context\": \"\\udc00 first\"}", "application/json");
        assertThat(lowAlone.status()).isEqualTo(400);
        assertThat(lowAlone.<String>at("errors.0.field")).isEqualTo("body.context");
        var nul = api.send("POST", grad, "[{\"data\": \"nul \\u0000 here\"}]", "application/json");
        assertThat(nul.<String>at("errors.0.field")).isEqualTo("body[0].data");
        assertThat(rows()).isEqualTo(before + 1);
    }

    @Test
    void textThatCanBeStoredIsStoredExactlyAsSentEmojiIncluded() {
        String text = "emoji \uD83C\uDFAF, ünïcödé and a tab\t";
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", text, "role", "prompt"))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(api.get("/v1/optimizers/" + created.at("id")).<String>at("param_groups.0.params.0.data")).isEqualTo(text);
    }

    @Test
    void aModelReplyThatCouldNotBeStoredFailsItsCallWith502AndChangesNothing() {
        String marker = "Reply with a lone surrogate.";
        String reply = Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>broken LONE value</IMPROVED_VARIABLE>", 10, 5))
                .replace("LONE", "\\ud800");
        openAi.server().stubFor(openAi.matching(marker).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(reply)));
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", marker, "role", "prompt"))));
        String id = created.at("id");
        String param = created.at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + param + "/grad", Map.of("data", "Change it."));

        var step = api.post("/v1/optimizers/" + id + "/step", null);

        assertThat(step.status()).as(step.raw()).isEqualTo(502);
        assertThat(step.<String>at("failures.0.param_id")).isEqualTo(param);
        assertThat(step.<String>at("failures.0.reason")).isEqualTo("unusable_reply");
        assertThat(step.<String>at("failures.0.detail")).contains("lone surrogate");
        var session = api.get("/v1/optimizers/" + id);
        assertThat(session.<String>at("param_groups.0.params.0.data")).isEqualTo(marker);
        assertThat(session.<Integer>at("usage.openai.total_tokens")).as("the call's tokens are counted").isEqualTo(15);
    }
}
