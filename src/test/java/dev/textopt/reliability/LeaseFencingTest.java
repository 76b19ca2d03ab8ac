package dev.textopt.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.TestDatabase;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A step whose lease ran out and was taken over (its instance paused or lost the database for longer
 * than the lease timeout, and was presumed dead) must not write its result when it wakes up: the
 * session belongs to the step that took over, and the late step's entry stays failed.
 */
class LeaseFencingTest extends EndToEndTest {

    private static void expireLease(String sessionId) throws Exception {
        var db = TestDatabase.get();
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                var update = connection.prepareStatement(
                        "UPDATE optimizer_session SET lease_expires_at = now() - interval '1 second' WHERE id = ? AND lease_owner IS NOT NULL")) {
            update.setObject(1, UUID.fromString(sessionId));
            assertThat(update.executeUpdate()).as("the first step holds the lease").isEqualTo(1);
        }
    }

    @Test
    void aStepWhoseLeaseWasTakenOverAppliesNothing() throws Exception {
        openAi.server().stubFor(openAi.matching("Fenced.").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(3000)
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Fenced twice.</IMPROVED_VARIABLE>", 10, 2)))));
        var api = new Api(port);
        String id = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Fenced.", "role", "prompt")))).at("id");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Once.", "role", "feedback"));

        assertThat(api.post("/v1/optimizers/" + id + "/step", null, "Prefer", "respond-async").status()).isEqualTo(202);
        // The late step's instance stalls past its lease (the default 2 min, renewed every 40 s): let that time pass.
        expireLease(id);
        var takeover = api.post("/v1/optimizers/" + id + "/step", null, "Prefer", "respond-async");
        assertThat(takeover.status()).as(takeover.raw()).isEqualTo(202);
        assertThat(takeover.<Integer>at("step")).isEqualTo(2);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline) && "running".equals(api.get("/v1/optimizers/" + id + "/steps/2").at("status"))) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        var second = api.get("/v1/optimizers/" + id + "/steps/2");
        assertThat(second.<String>at("status")).as(second.raw()).isEqualTo("succeeded");
        var late = api.get("/v1/optimizers/" + id + "/steps/1");
        assertThat(late.<String>at("status")).as(late.raw()).isEqualTo("failed");
        assertThat(late.<String>at("failures.0.reason")).isEqualTo("abandoned");
        var session = api.get("/v1/optimizers/" + id);
        assertThat(session.<Integer>at("step_count")).as("only the step that held the lease counts").isEqualTo(1);
    }
}
