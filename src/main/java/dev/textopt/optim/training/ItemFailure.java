package dev.textopt.optim.training;

import dev.textopt.optim.ModelCallException;
import java.util.Objects;

/** The call for batch item {@code index} (an input item, or a trace being judged) failed, and why. */
public record ItemFailure(int index, ModelCallException cause) {

    public ItemFailure {
        Objects.requireNonNull(cause, "cause");
    }
}
