package dev.textopt.session;

import java.util.Map;
import java.util.UUID;

/**
 * Appends a session event in the caller's transaction and wakes the readers of every instance once it
 * commits. The last statement of its transaction: it serializes the session's appends until the commit.
 */
public interface RecordEventPort {

    void append(UUID sessionId, EventType type, Map<String, Object> data);
}
