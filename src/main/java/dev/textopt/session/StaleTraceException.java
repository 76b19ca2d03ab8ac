package dev.textopt.session;

import java.util.UUID;

/**
 * A trace asked for backward used a parameter value that has changed since its forward pass: feedback on
 * the old value would be appended to the new one. Run the forward pass again.
 */
public class StaleTraceException extends RuntimeException {

    private final UUID traceId;
    private final UUID paramId;
    private final int changedByEntry;

    StaleTraceException(UUID traceId, UUID paramId, int usedVersion, int changedByEntry) {
        super("trace " + traceId + " used parameter " + paramId + " as history entry " + usedVersion + " left it; entry "
                + changedByEntry + " has changed it since. Run forward again and use the new traces");
        this.traceId = traceId;
        this.paramId = paramId;
        this.changedByEntry = changedByEntry;
    }

    public UUID traceId() {
        return traceId;
    }

    public UUID paramId() {
        return paramId;
    }

    public int changedByEntry() {
        return changedByEntry;
    }
}
