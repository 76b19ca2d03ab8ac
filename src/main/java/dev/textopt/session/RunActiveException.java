package dev.textopt.session;

import java.util.UUID;

/** A training run is going on the session: a second run, a step, edit, restore or import by hand waits until it ends. */
public class RunActiveException extends RuntimeException {

    private final UUID runId;

    public RunActiveException(UUID sessionId, UUID runId, String whatWasRefused) {
        super("training run " + runId + " is going on optimizer session " + sessionId + "; " + whatWasRefused
                + " is refused until it ends (see GET /v1/optimizers/" + sessionId + "/runs/" + runId
                + ", or cancel it with POST …/runs/" + runId + "/cancel)");
        this.runId = runId;
    }

    public UUID runId() {
        return runId;
    }
}
