package dev.textopt.session;

import java.util.UUID;

/** No such trace in the session: it never was, belongs to another session, or expired. */
public class TraceNotFoundException extends RuntimeException {

    public TraceNotFoundException(UUID sessionId, UUID traceId) {
        super("session " + sessionId + " has no trace " + traceId + " (traces expire after textopt.training.trace-ttl)");
    }
}
