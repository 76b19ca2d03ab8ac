package dev.textopt.optim.training;

import dev.textopt.optim.ModelCallException;
import java.util.Objects;

/** The backward call for parameter {@code paramId} of trace {@code traceId} failed, and why. */
public record BackwardFailure(String traceId, String paramId, ModelCallException cause) {

    public BackwardFailure {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(paramId, "paramId");
        Objects.requireNonNull(cause, "cause");
    }
}
