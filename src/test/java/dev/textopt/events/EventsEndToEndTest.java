package dev.textopt.events;

import dev.textopt.support.EndToEndTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The events tests' application: three tenants, quick heartbeats, two streams a tenant. One Spring context for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "textopt.security.api-keys=ev-a:events-key-a-1,ev-b:events-key-b-2,ev-c:events-key-c-3",
        "textopt.events.heartbeat=300ms", "textopt.events.max-streams-per-tenant=2"})
abstract class EventsEndToEndTest extends EndToEndTest {

    static final String KEY_A = "events-key-a-1";
    static final String KEY_B = "events-key-b-2";
    static final String KEY_C = "events-key-c-3";
}
