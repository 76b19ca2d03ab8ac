package dev.textopt.session;

import java.util.UUID;

/** Another step holds the session's lease; the caller should retry once it has finished. */
public class StepRunningException extends RuntimeException {

    public StepRunningException(UUID sessionId, String whatWasRefused) {
        super("a step is running on optimizer session " + sessionId + "; " + whatWasRefused
                + " is refused until it finishes (see GET /v1/optimizers/" + sessionId + "/steps)");
    }
}
