package dev.textopt.optim;

import java.util.Objects;

/** A parameter whose update failed, and why. */
public record ParamFailure(String paramId, ModelCallException cause) {

    public ParamFailure {
        Objects.requireNonNull(paramId, "paramId");
        Objects.requireNonNull(cause, "cause");
    }
}
