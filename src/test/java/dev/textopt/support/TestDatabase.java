package dev.textopt.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL for the whole test JVM: a Testcontainers {@code postgres:18} when a Docker
 * engine answers, otherwise an embedded PostgreSQL 18 in a temporary folder. Every Spring context
 * points {@code spring.datasource.url} at it, so no two contexts ever share an embedded data folder.
 * {@code TEXTOPT_TEST_DB=embedded} skips the Docker probe.
 */
public final class TestDatabase {

    public record Coordinates(String url, String username, String password) {
    }

    private static Coordinates coordinates;

    /**
     * The suite's cached contexts share the database, each with its pool and an event listener's connection;
     * with some twenty of them alive PostgreSQL's usual 100-300 are not enough ("too many clients already").
     */
    private static final int MAX_CONNECTIONS = 1000;

    private TestDatabase() {
    }

    public static synchronized Coordinates get() {
        if (coordinates == null) {
            coordinates = useDocker() ? startContainer() : startEmbedded();
        }
        return coordinates;
    }

    /** For {@code @DynamicPropertySource}: point the context at the shared database. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> get().url());
        registry.add("spring.datasource.username", () -> get().username());
        registry.add("spring.datasource.password", () -> get().password());
        // Spring keeps every test context alive for reuse; each would hold a full pool of idle connections.
        registry.add("spring.datasource.hikari.minimum-idle", () -> "2");
    }

    private static boolean useDocker() {
        if ("embedded".equalsIgnoreCase(System.getenv("TEXTOPT_TEST_DB"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Coordinates startContainer() {
        var container = new PostgreSQLContainer("postgres:18").withCommand("postgres", "-c", "max_connections=" + MAX_CONNECTIONS);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new Coordinates(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static Coordinates startEmbedded() {
        try {
            var dataDir = Files.createTempDirectory("textopt-test-pg");
            var postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile()).setCleanDataDirectory(true)
                    .setServerConfig("max_connections", String.valueOf(MAX_CONNECTIONS)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary folder goes with the OS clean-up
                }
            }));
            return new Coordinates(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
