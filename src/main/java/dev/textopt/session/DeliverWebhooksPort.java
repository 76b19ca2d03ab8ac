package dev.textopt.session;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The webhook outbox: every event a webhook wants is queued in the transaction that appends the event
 * ({@link RecordEventPort}); instances claim due deliveries (SKIP LOCKED, so two never claim the same), send
 * them, and record how it went.
 */
public interface DeliverWebhooksPort {

    /** A claimed delivery: what to send where, for which webhook (whose secret signs it); {@code attempt} counts this one. */
    record Due(long id, UUID webhookId, URI url, String messageId, String payload, int attempt, Instant createdAt) {

        @Override
        public String toString() {
            return "Due[id=" + id + ", url=" + url + ", attempt=" + attempt + "]"; // not the payload
        }
    }

    /** Claims up to {@code max} due deliveries until {@code claimedUntil}, when another instance may claim them again. */
    List<Due> claim(Instant now, Instant claimedUntil, int max);

    void delivered(long id, int status, Instant at);

    /** A failed attempt; {@code nextAttemptAt} null: given up. */
    void failed(long id, Integer status, String error, Instant nextAttemptAt);

    /** Deliveries that ended (delivered or given up) before {@code cutoff}. */
    int deleteEndedBefore(Instant cutoff);
}
