package dev.textopt.session;

import java.time.Instant;

/**
 * One event's delivery to one webhook: how many attempts it took so far, the last answer's status (null: none,
 * e.g. a timeout, with {@code lastError}), when the next attempt is due (null once delivered or given up) and
 * when it was delivered (null until then).
 */
public record WebhookDelivery(long eventId, String eventType, int attempts, Integer lastStatus, String lastError,
        Instant nextAttemptAt, Instant deliveredAt, Instant createdAt) {
}
