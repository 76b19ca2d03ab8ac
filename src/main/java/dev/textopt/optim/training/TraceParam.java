package dev.textopt.optim.training;

import java.util.Objects;

/**
 * A parameter as a trace used it.
 *
 * @param data         its value when the forward pass ran (what backward shows as {@code {parameter}})
 * @param role         what it is for
 * @param requiresGrad whether backward asks for feedback on it
 */
public record TraceParam(String id, String data, String role, boolean requiresGrad) {

    public TraceParam {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(data, "data");
        role = role == null ? "" : role;
    }
}
