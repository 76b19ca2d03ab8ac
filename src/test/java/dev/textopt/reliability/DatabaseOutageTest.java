package dev.textopt.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.TextoptApplication;
import dev.textopt.support.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stopped and started again under a running textopt: while it is down, health is DOWN (503)
 * and API calls answer 503 problem+json, never 500; once it is back, health is UP and the API works,
 * without restarting textopt. The database is a PostgreSQL of this test's own, on a fixed port and data
 * folder, so that stopping it disturbs no other test.
 */
class DatabaseOutageTest {

    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext app;
    private Path dataDir;
    private int port;

    @AfterEach
    void stopEverything() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWithoutRestart() throws Exception {
        dataDir = Files.createTempDirectory("textopt-outage-pg");
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = startPostgres();
        app = new SpringApplicationBuilder(TextoptApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "--spring.datasource.username=postgres",
                // The production pool waits 5 s for a connection; 1 s keeps this test short, the behaviour is the same.
                "--spring.datasource.hikari.connection-timeout=1000");
        var api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        String id = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Survive an outage.", "role", "prompt"))))
                .at("id");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);

        System.out.println("DatabaseOutageTest: stopping PostgreSQL at " + Instant.now());
        postgres.close(); // pg_ctl stop; the data stays
        postgres = null;

        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.<String>at("status")).isEqualTo("DOWN");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertUnavailable(api.get("/v1/optimizers/" + id));
        assertUnavailable(api.get("/v1/optimizers"));
        assertUnavailable(api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Lost?", "role", "feedback")));
        assertUnavailable(api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Lost?", "role", "feedback"),
                "Idempotency-Key", "outage-1"));
        assertUnavailable(api.post("/v1/optimizers/" + id + "/step", null));

        System.out.println("DatabaseOutageTest: starting PostgreSQL again at " + Instant.now());
        postgres = startPostgres();

        Instant back = Instant.now();
        var healthAgain = api.get("/actuator/health");
        while (healthAgain.status() != 200 && Instant.now().isBefore(back.plusSeconds(15))) {
            Thread.sleep(200);
            healthAgain = api.get("/actuator/health");
        }
        System.out.printf("DatabaseOutageTest: health UP %d ms after PostgreSQL was back%n", Duration.between(back, Instant.now()).toMillis());
        assertThat(healthAgain.<String>at("status")).isEqualTo("UP");
        var appended = api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Back.", "role", "feedback"),
                "Idempotency-Key", "outage-1");
        assertThat(appended.status()).as(appended.raw()).isEqualTo(200);
        assertThat(api.get("/v1/optimizers/" + id + "/params/" + paramId).<List<Map<String, Object>>>at("grad"))
                .extracting(g -> g.get("data")).containsExactly("Back.");
    }

    private static void assertUnavailable(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.<String>at("type")).isEqualTo("https://textopt.dev/problems/database-unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }
}
