package dev.textopt.optim.run;

import java.util.Locale;

/**
 * A run's life: {@code queued} until an instance starts it, {@code running} (on whichever instance holds its
 * lease; a take-over keeps it running), then one of three ends, which are final.
 */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Queued or running: the session's one active run, which refuses changes by hand. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    /** Whether a run in this status may move to {@code next}. */
    public boolean mayBecome(RunStatus next) {
        return switch (this) {
            case QUEUED -> next != QUEUED && next != SUCCEEDED;
            case RUNNING -> next != QUEUED;
            case SUCCEEDED, FAILED, CANCELLED -> false;
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus ofWire(String status) {
        return valueOf(status.toUpperCase(Locale.ROOT));
    }
}
