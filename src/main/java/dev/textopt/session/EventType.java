package dev.textopt.session;

import java.util.Arrays;
import java.util.Optional;

/** Every kind of session event, by the name clients see (the SSE {@code event:} field, a webhook's {@code type}). */
public enum EventType {
    STEP_STARTED("step.started"), STEP_PROGRESS("step.progress"), STEP_SUCCEEDED("step.succeeded"), STEP_FAILED("step.failed"),
    RUN_STARTED("run.started"), RUN_PROGRESS("run.progress"), RUN_SUCCEEDED("run.succeeded"), RUN_FAILED("run.failed"),
    RUN_CANCELLED("run.cancelled");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventType> ofWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
    }
}
