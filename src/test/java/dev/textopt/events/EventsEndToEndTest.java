package dev.textopt.events;

import dev.textopt.support.EndToEndTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The events tests' application: three tenants, quick heartbeats, two streams a tenant, webhooks allowed to
 * loopback, sent (the one test context that dispatches; see {@code PostgresTest}) and retried quickly. One
 * Spring context for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "textopt.security.api-keys=ev-a:events-key-a-1,ev-b:events-key-b-2,ev-c:events-key-c-3",
        "textopt.events.heartbeat=300ms", "textopt.events.max-streams-per-tenant=2", "textopt.closure.allowed-hosts=127.0.0.1",
        "textopt.webhooks.poll-interval=200ms", "textopt.webhooks.first-retry=300ms", "textopt.webhooks.timeout=2s"})
@TestPropertySource(properties = "textopt.webhooks.dispatch=true")
abstract class EventsEndToEndTest extends EndToEndTest {

    static final String KEY_A = "events-key-a-1";
    static final String KEY_B = "events-key-b-2";
    static final String KEY_C = "events-key-c-3";
}
