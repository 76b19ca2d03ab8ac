package dev.textopt.optim.training;

import dev.textopt.optim.Gradient;
import java.util.Objects;

/** Feedback the backward pass produced for parameter {@code paramId} from trace {@code traceId}, to append to its grad. */
public record TraceGradient(String traceId, String paramId, Gradient gradient) {

    public TraceGradient {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(paramId, "paramId");
        Objects.requireNonNull(gradient, "gradient");
    }
}
