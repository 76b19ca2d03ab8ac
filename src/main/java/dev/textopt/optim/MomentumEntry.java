package dev.textopt.optim;

import java.util.List;
import java.util.Objects;

/** One remembered step of a parameter: its value before the step and the gradients that step used. */
public record MomentumEntry(Variable snapshot, List<Gradient> grads) {

    public MomentumEntry {
        Objects.requireNonNull(snapshot, "snapshot");
        grads = List.copyOf(grads);
    }
}
