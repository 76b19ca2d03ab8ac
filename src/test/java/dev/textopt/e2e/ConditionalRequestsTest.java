package dev.textopt.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.FakeOpenAi;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ETags from the session's version, and If-Match / If-None-Match: a write that replaces state changes
 * only the session its client read (else 412 and nothing changes); a read of what did not change is a 304.
 */
class ConditionalRequestsTest extends EndToEndTest {

    private static final String MODEL_CLIENTS = "model_clients";

    private String session;
    private String param;

    private Api.Response create(String data) {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", data, "role", "prompt")),
                "defaults", Map.of("momentum", 2)));
        session = "/v1/optimizers/" + created.<String>at("id");
        param = created.at("param_groups.0.params.0.id");
        return created;
    }

    private static String etag(Api.Response response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response.raw()));
    }

    private void step(String feedback) {
        api.post(session + "/params/" + param + "/grad", Map.of("data", feedback, "role", "feedback"));
        assertThat(api.post(session + "/step", null).status()).isEqualTo(200);
    }

    private static void assertPreconditionFailed(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(412);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>at("type")).isEqualTo("https://textopt.dev/problems/precondition-failed");
    }

    @Test
    void aStateDictImportedAfterAStepThatEndedMeanwhileIsRefusedAndTheStepsMomentumKept() {
        openAi.answer("Lost update.", "<IMPROVED_VARIABLE>Lost update, avoided.</IMPROVED_VARIABLE>", 5, 2);
        create("Lost update.");
        var read = api.get(session + "/state-dict");
        String readTag = etag(read);
        step("Shorter.");   // meanwhile, another client's step

        var body = Map.of("state_dict", read.body(), MODEL_CLIENTS, Map.of("model_client", "openai"));
        var stale = api.put(session + "/state-dict", body, "If-Match", readTag);

        assertPreconditionFailed(stale);
        assertThat(stale.<String>at("detail")).contains("changed since you read it");
        assertThat(api.get(session + "/state-dict").<List<?>>at("state.0.momentum_buffer")).as("the step's momentum entry stays")
                .hasSize(1);
        var current = api.get(session);
        var loaded = api.put(session + "/state-dict", body, "If-Match", etag(current));
        assertThat(loaded.status()).as(loaded.raw()).isEqualTo(200);
        assertThat(etag(loaded)).isEqualTo("\"" + loaded.<Number>at("version") + "\"").isNotEqualTo(etag(current));
        assertThat(api.put(session + "/state-dict", body).status()).as("no If-Match: as before").isEqualTo(200);
    }

    @Test
    void theETagIsTheVersionAndEveryChangeGivesANewOne() {
        var created = create("Versioned by ETag.");
        assertThat(etag(created)).isEqualTo("\"" + created.<Number>at("version") + "\"");
        var read = api.get(session);
        assertThat(etag(read)).isEqualTo(etag(created));
        assertThat(etag(api.get(session + "/params/" + param))).isEqualTo(etag(read));
        assertThat(etag(api.get(session + "/state-dict"))).isEqualTo(etag(read));

        var appended = api.post(session + "/params/" + param + "/grad", Map.of("data", "More.", "role", "feedback"));
        assertThat(etag(appended)).isNotEqualTo(etag(read)).isEqualTo(etag(api.get(session)));
    }

    @Test
    void eachWriteThatReplacesStateHonoursIfMatch() {
        create("Conditional writes.");
        String stale = etag(api.get(session));
        api.post(session + "/params/" + param + "/grad", Map.of("data", "Changes the version.", "role", "feedback"));

        assertPreconditionFailed(api.patch(session + "/params/" + param, Map.of("data", "Edited."), "If-Match", stale));
        assertPreconditionFailed(api.patch(session + "/param-groups/0", Map.of("momentum", 0), "If-Match", stale));
        assertPreconditionFailed(api.post(session + "/steps/0/restore", null, "If-Match", stale));
        var unchanged = api.get(session);
        assertThat(unchanged.<String>at("param_groups.0.params.0.data")).isEqualTo("Conditional writes.");
        assertThat(unchanged.<Integer>at("param_groups.0.momentum")).isEqualTo(2);
        assertThat(api.get(session + "/steps").<Integer>at("total_items")).as("nothing recorded").isZero();

        var edited = api.patch(session + "/params/" + param, Map.of("data", "Edited."), "If-Match", etag(unchanged));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        var retuned = api.patch(session + "/param-groups/0", Map.of("momentum", 0), "If-Match", etag(edited));
        assertThat(retuned.status()).as(retuned.raw()).isEqualTo(200);
        var restored = api.post(session + "/steps/0/restore", null, "If-Match", "\"0\", " + etag(retuned));
        assertThat(restored.status()).as("one of a list matches").isEqualTo(200);
        assertThat(restored.<String>at("param_groups.0.params.0.data")).isEqualTo("Conditional writes.");
        assertThat(api.patch(session + "/params/" + param, Map.of("role", "system prompt"), "If-Match", "*").status())
                .isEqualTo(200);
    }

    @Test
    void aWeakOrMalformedIfMatchNeverChangesAnything() {
        create("Strictly compared.");
        String current = etag(api.get(session));

        assertPreconditionFailed(api.patch(session + "/params/" + param, Map.of("data", "Weak."), "If-Match", "W/" + current));
        var malformed = api.patch(session + "/params/" + param, Map.of("data", "Unquoted."), "If-Match",
                current.replace("\"", ""));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.<String>at("detail")).contains("If-Match must be * or ETags");
        assertThat(api.get(session).<String>at("param_groups.0.params.0.data")).isEqualTo("Strictly compared.");
    }

    @Test
    void readsOfWhatDidNotChangeAre304AndAStaleIfMatchOnAReadIs412() {
        create("Cached.");
        var session0 = api.get(session);
        String tag = etag(session0);

        for (String path : List.of(session, session + "/params/" + param, session + "/state-dict")) {
            var notModified = api.get(path, "If-None-Match", tag);
            assertThat(notModified.status()).as(path).isEqualTo(304);
            assertThat(notModified.raw()).isEmpty();
            assertThat(etag(notModified)).isEqualTo(tag);
            assertThat(api.get(path, "If-None-Match", "W/" + tag).status()).as("weak comparison").isEqualTo(304);
        }
        api.patch(session + "/params/" + param, Map.of("role", "system prompt"));
        var changed = api.get(session, "If-None-Match", tag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.<String>at("param_groups.0.params.0.role")).isEqualTo("system prompt");
        assertPreconditionFailed(api.get(session, "If-Match", tag));
    }

    @Test
    void everyWriteThatChangesWhatAReadShowsEndsThe304OfEachReadAndIsSeenByFullReads() {
        openAi.answer("Polled.", "<IMPROVED_VARIABLE>Polled, better.</IMPROVED_VARIABLE>", 5, 2);
        create("Polled.");
        Map<String, Runnable> writes = new LinkedHashMap<>();
        writes.put("append", () -> api.post(session + "/params/" + param + "/grad", Map.of("data", "Shorter.", "role", "feedback")));
        writes.put("step", () -> assertThat(api.post(session + "/step", null).status()).isEqualTo(200));
        writes.put("append a list", () -> api.post(session + "/params/" + param + "/grad", List.of(Map.of("data", "Kinder."))));
        writes.put("clear-grad", () -> api.post(session + "/clear-grad", null));
        writes.put("patch", () -> api.patch(session + "/params/" + param, Map.of("role", "system prompt")));
        writes.put("group patch", () -> api.patch(session + "/param-groups/0", Map.of("momentum", 1)));
        writes.put("clear usage", () -> api.post(session + "/usage/clear", null));
        writes.put("restore", () -> api.post(session + "/steps/0/restore", null));

        List<String> reads = List.of(session, session + "/params/" + param, session + "/state-dict");
        for (var write : writes.entrySet()) {
            String before = etag(api.get(session));
            var shown = new LinkedHashMap<String, Object>();
            reads.forEach(path -> shown.put(path, api.get(path).body()));   // kept by the service as its latest answers
            write.getValue().run();
            for (String path : reads) {
                var full = api.get(path);
                assertThat(etag(full)).as(write.getKey() + ", then a full read of " + path).isNotEqualTo(before);
                if (path.equals(session)) {   // it shows the version: never the same body after a write
                    assertThat(full.body()).as(write.getKey() + ", then a full read of " + path).isNotEqualTo(shown.get(path));
                }
                var read = api.get(path, "If-None-Match", before);
                assertThat(read.status()).as(write.getKey() + ", then " + path).isEqualTo(200);
                assertThat(etag(read)).as(write.getKey() + ", then " + path).isNotEqualTo(before);
                assertThat(api.get(path, "If-None-Match", etag(read)).status()).as(write.getKey() + ", then " + path).isEqualTo(304);
            }
        }
    }

    @Test
    void aConditionalReadOfWhatIsNotThereIs404() {
        create("Gone soon.");
        String tag = etag(api.get(session));
        String other = "/v1/optimizers/" + UUID.randomUUID();
        assertThat(api.get(session + "/params/" + UUID.randomUUID(), "If-None-Match", tag).status()).isEqualTo(404);
        assertThat(api.delete(session).status()).isEqualTo(204);
        for (String path : List.of(session, session + "/params/" + param, session + "/state-dict", other)) {
            assertThat(api.get(path, "If-None-Match", tag).status()).as(path).isEqualTo(404);
            assertThat(api.get(path, "If-Match", tag).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aStepThatStartsGivesANewETagSinceTheSessionNowShowsItRunning() throws InterruptedException {
        openAi.server().stubFor(openAi.matching("Slow, tagged.").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(1000)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Slow, tagged, done.</IMPROVED_VARIABLE>", 4, 2)))));
        create("Slow, tagged.");
        api.post(session + "/params/" + param + "/grad", Map.of("data", "Faster.", "role", "feedback"));
        String before = etag(api.get(session));

        var accepted = api.post(session + "/step", null, "Prefer", "respond-async");
        var running = api.get(session, "If-None-Match", before);

        assertThat(running.status()).isEqualTo(200);
        assertThat(running.<Boolean>at("step_running")).isTrue();
        assertThat(api.put(session + "/state-dict", Map.of("state_dict", api.get(session + "/state-dict").body(),
                MODEL_CLIENTS, Map.of("model_client", "openai")), "If-Match", etag(running)).status())
                .as("a running step refuses the import whatever If-Match says").isEqualTo(409);
        var progress = api.get(accepted.location());
        assertThat(etag(progress)).startsWith("\"1-running-");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && "running".equals(api.get(accepted.location()).at("status"))) {
            Thread.sleep(100);
        }
        assertThat(etag(api.get(session))).isNotEqualTo(etag(running));
    }

    @Test
    void aHistoryEntryHasAnETagOfItsOwn() {
        openAi.answer("Entry tagged.", "<IMPROVED_VARIABLE>Entry tagged, better.</IMPROVED_VARIABLE>", 5, 2);
        create("Entry tagged.");
        step("Better.");

        var entry = api.get(session + "/steps/1");
        assertThat(etag(entry)).isEqualTo("\"1-succeeded\"");
        assertThat(api.get(session + "/steps/1", "If-None-Match", etag(entry)).status()).isEqualTo(304);
        assertThat(etag(api.get(session + "/steps/0"))).isEqualTo("\"0-succeeded\"");
    }
}
