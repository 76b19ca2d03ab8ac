package dev.textopt.optim;

import java.util.Objects;

/** A piece of text with a role, as in afnio: parameters, snapshots and gradients are Variables. */
public record Variable(String data, String role, boolean requiresGrad) {

    public Variable {
        Objects.requireNonNull(data, "data");
        role = role == null ? "" : role;
    }
}
