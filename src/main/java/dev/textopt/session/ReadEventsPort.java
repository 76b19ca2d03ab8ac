package dev.textopt.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads the session events a stream has not sent yet, hears of new ones from any instance, and sweeps away
 * the old ones. Reads name their tenant: a stream reads off the request thread, where no caller is.
 */
public interface ReadEventsPort {

    /** At most {@code max} events of the tenant's session after {@code afterId}, oldest first. */
    List<SessionEvent> after(String tenant, UUID sessionId, long afterId, int max);

    /** The id of the session's newest event, 0 if none: where a stream without Last-Event-ID starts. */
    long latest(UUID sessionId);

    /** Calls {@code listener} with a session's id when an event of it may have been appended, on any instance. */
    void onAppended(Consumer<UUID> listener);

    int deleteOlderThan(Instant cutoff);
}
