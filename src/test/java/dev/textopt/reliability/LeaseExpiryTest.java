package dev.textopt.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.textopt.TextoptApplication;
import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.TestDatabase;
import java.net.InetSocketAddress;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An instance that dies in the middle of a step keeps the session blocked (409) only until its lease
 * runs out; then a step on another instance succeeds and the dead step's entry is marked failed, with a
 * {@code step.failed} event.
 * Death is simulated: the instance's lease renewal stops, then its context is dropped while its model
 * call is still hanging, so it never finishes, fails or releases anything.
 */
class LeaseExpiryTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final FakeOpenAi openAi = new FakeOpenAi();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch modelCalled = new CountDownLatch(1);
    private HttpServer hangingProvider;

    @AfterEach
    void stopEverything() {
        contexts.forEach(ConfigurableApplicationContext::close);
        release.countDown();
        if (hangingProvider != null) {
            hangingProvider.stop(0);
        }
        openAi.close();
    }

    /** A provider that takes a request and answers nothing until the test ends. */
    private String startHangingProvider() throws Exception {
        hangingProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hangingProvider.createContext("/", exchange -> {
            modelCalled.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        hangingProvider.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hanging-provider");
            t.setDaemon(true);
            return t;
        }));
        hangingProvider.start();
        return "http://127.0.0.1:" + hangingProvider.getAddress().getPort() + "/v1";
    }

    private ConfigurableApplicationContext start(String providerUrl) {
        var db = TestDatabase.get();
        var context = new SpringApplicationBuilder(TextoptApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.lifecycle.timeout-per-shutdown-phase=1s",
                "--textopt.step.lease-timeout=" + LEASE.toSeconds() + "s",
                "--textopt.model-clients.openai.base-url=" + providerUrl,
                "--textopt.model-clients.openai.api-key=" + FakeOpenAi.API_KEY);
        contexts.add(context);
        return context;
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** What a dead instance no longer does: renew its leases. */
    private static void stopLeaseRenewal(ConfigurableApplicationContext context) throws Exception {
        Object keeper = context.getBean("leaseKeeper");
        var field = keeper.getClass().getDeclaredField("scheduler");
        field.setAccessible(true);
        ((ScheduledExecutorService) field.get(keeper)).shutdownNow();
    }

    private static Instant leaseExpiry(String sessionId) throws Exception {
        var db = TestDatabase.get();
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                var query = connection.prepareStatement("SELECT lease_expires_at FROM optimizer_session WHERE id = ?")) {
            query.setObject(1, UUID.fromString(sessionId));
            try (var rows = query.executeQuery()) {
                rows.next();
                Timestamp expires = rows.getTimestamp(1);
                return expires == null ? null : expires.toInstant();
            }
        }
    }

    /** The session's events in order, each as "type step reason" (the first failure's reason, for a failed step). */
    private static List<String> events(String sessionId) throws Exception {
        var db = TestDatabase.get();
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                var query = connection.prepareStatement("""
                        SELECT type || ' ' || (data ->> 'step') || COALESCE(' ' || (data -> 'failures' -> 0 ->> 'reason'), '')
                          FROM session_event WHERE session_id = ? ORDER BY id""")) {
            query.setObject(1, UUID.fromString(sessionId));
            var events = new ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1));
                }
            }
            return events;
        }
    }

    @Test
    void aDeadInstancesStepBlocksTheSessionOnlyUntilItsLeaseRunsOut() throws Exception {
        openAi.answer("Dies mid-step.", "<IMPROVED_VARIABLE>Survived.</IMPROVED_VARIABLE>", 10, 2);
        var doomed = start(startHangingProvider());
        var survivor = start(openAi.baseUrl());
        var dying = api(doomed);
        var api = api(survivor);

        String id = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Dies mid-step.", "role", "prompt")))).at("id");
        String paramId = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + paramId + "/grad", Map.of("data", "Live.", "role", "feedback"));
        var accepted = dying.post("/v1/optimizers/" + id + "/step", null, "Prefer", "respond-async");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(modelCalled.await(10, TimeUnit.SECONDS)).as("the doomed step reached its model").isTrue();

        stopLeaseRenewal(doomed);
        Instant expiry = leaseExpiry(id);
        assertThat(expiry).isNotNull();
        var blocked = api.post("/v1/optimizers/" + id + "/step", null);
        assertThat(blocked.status()).as(blocked.raw()).isEqualTo(409);
        doomed.close(); // the step's thread is still stuck in its model call; it will never write again

        Api.Response step = blocked;
        Instant deadline = Instant.now().plus(LEASE).plusSeconds(10);
        while (step.status() == 409 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            step = api.post("/v1/optimizers/" + id + "/step", null);
        }
        Instant succeededAt = Instant.now();
        assertThat(step.status()).as(step.raw()).isEqualTo(200);
        assertThat(succeededAt).as("the session stayed blocked until the dead lease ran out").isAfterOrEqualTo(expiry);
        assertThat(step.<Integer>at("step")).isEqualTo(2);
        assertThat(step.<String>at("params.0.data")).isEqualTo("Survived.");

        var dead = api.get("/v1/optimizers/" + id + "/steps/1");
        assertThat(dead.<String>at("status")).isEqualTo("failed");
        assertThat(dead.<String>at("failures.0.reason")).isEqualTo("abandoned");
        assertThat(events(id)).as("a follower of the session's events learns that the dead step ended, before the next began")
            .containsExactly("step.started 1", "step.failed 1 abandoned", "step.started 2", "step.succeeded 2");
        var session = api.get("/v1/optimizers/" + id);
        assertThat(session.<Integer>at("step_count")).isEqualTo(1);
        assertThat(session.<String>at("param_groups.0.params.0.data")).isEqualTo("Survived.");
    }
}
