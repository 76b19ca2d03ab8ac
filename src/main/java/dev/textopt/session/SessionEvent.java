package dev.textopt.session;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One stored event of a session: its id (the SSE id), kind, JSON data (snake_case) and when it happened. */
public record SessionEvent(long id, UUID sessionId, String type, Map<String, Object> data, Instant createdAt) {

    public SessionEvent {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(type, "type");
        data = data == null ? Map.of() : data;
    }
}
