package dev.textopt.session;

import java.util.UUID;

/** No such run on the session (or no such session). */
public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(UUID sessionId, UUID runId) {
        super("no training run " + runId + " on optimizer session " + sessionId);
    }
}
