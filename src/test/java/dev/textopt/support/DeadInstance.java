package dev.textopt.support;

import java.sql.SQLException;
import java.util.UUID;

/**
 * What an instance leaves in the database when it dies at a chosen moment, set directly, because no
 * test can kill an instance at an exact point of a request: a claim nobody renews any more, an answer
 * that was never kept.
 */
public final class DeadInstance {

    /** Owner of whatever the dead instance held. */
    public static final String OWNER = "dead-instance/0";

    private DeadInstance() {
    }

    /**
     * The instance died after the request's effect was committed but before its answer was kept: the key
     * is claimed by the dead instance, unanswered, and its claim has run out.
     */
    public static void lostTheAnswerTo(String idempotencyKey) throws SQLException {
        int rows = Sql.update("""
                UPDATE idempotency_key SET status = NULL, content_type = NULL, location = NULL, body = NULL, owner = ?,
                       claim_expires_at = now() - interval '1 second' WHERE key = ?""", OWNER, idempotencyKey);
        if (rows != 1) {
            throw new IllegalStateException("no answer was kept for that key");
        }
    }

    /**
     * The instance answering {@code idempotencyKey} with a step on {@code sessionId} died now: nothing renews
     * its claim or its step's lease any more (their owner is no longer that instance), so both run out.
     */
    public static void diedWhileAnswering(String idempotencyKey, String sessionId) throws SQLException {
        Sql.update("UPDATE idempotency_key SET owner = ? WHERE key = ?", OWNER, idempotencyKey);
        Sql.update("UPDATE optimizer_session SET lease_owner = ? WHERE id = ?", OWNER, UUID.fromString(sessionId));
    }
}
