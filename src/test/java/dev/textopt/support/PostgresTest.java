package dev.textopt.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base for tests that boot the application against the shared test PostgreSQL. Their contexts send no
 * webhooks: the cached contexts share the database and so the webhook outbox, and one without the webhook
 * tests' signing key or allow-list would claim and fail their deliveries. A test about deliveries switches
 * {@code textopt.webhooks.dispatch} on with a {@code @TestPropertySource} of its own (which overrides this one;
 * {@code @SpringBootTest(properties)} would not).
 */
@TestPropertySource(properties = "textopt.webhooks.dispatch=false")
public abstract class PostgresTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }
}
