package dev.textopt.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.TextoptApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The default run: no datasource configured, an embedded PostgreSQL keeping its data in a folder. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        // Command-line arguments, because default properties would lose to application.yml.
        return new SpringApplicationBuilder(TextoptApplication.class)
                .run("--server.port=0", "--spring.datasource.url=", "--textopt.embedded-db.data-dir=" + dataDir);
    }

    @Test
    void keepsDataInItsFolderBetweenRuns() {
        try (var first = start()) {
            first.getBean(JdbcTemplate.class).execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('first run')");
        }
        try (var second = start()) {
            var notes = second.getBean(JdbcTemplate.class).queryForList("SELECT note FROM kept", String.class);
            assertThat(notes).containsExactly("first run");
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class)).isPositive();
        }
        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void stopsTheServerACrashLeftRunningAndKeepsItsData() throws Exception {
        var child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashedEmbeddedServer.class.getName(), dataDir.toString())
                .inheritIO().start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        var stale = new StalePostmaster(dataDir).runningPostmaster();
        assertThat(stale).as("the crashed JVM's postmaster is still running").isPresent();

        try (var context = start()) {
            assertThat(stale.get().isAlive()).isFalse();
            var notes = context.getBean(JdbcTemplate.class).queryForList("SELECT note FROM crash.marker", String.class);
            assertThat(notes).containsExactly("written before the crash");
        }
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
    }
}
