package dev.textopt.session;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads a session's history, which no step reads: its entries, and the values they gave. */
public interface LoadHistoryPort {

    /** The stored entries (1 to the last), newest first. */
    PageOf<StepRecord> page(UUID sessionId, int page, int size);

    /** A stored entry (1 to the last). */
    Optional<StepRecord> entry(UUID sessionId, int number);

    /** The step, running or succeeded, that a request with this {@code Idempotency-Key} started on the session. */
    Optional<StepRecord> stepStartedBy(UUID sessionId, String idempotencyKey);

    /**
     * Each parameter's value right after entry {@code number}, for the parameters the session had then, in
     * group order (0: the values they were created with).
     */
    Map<UUID, String> valuesAfter(UUID sessionId, int number);
}
