package dev.textopt.optim;

import java.util.Objects;

/**
 * Textual feedback on a parameter. {@code context} (may be null) is the conversation or evaluation
 * that produced it; the optimizer prompt shows it just before the feedback.
 */
public record Gradient(String data, String role, String context) {

    public Gradient {
        Objects.requireNonNull(data, "data");
        role = role == null ? "" : role;
    }

    public Gradient(String data, String role) {
        this(data, role, null);
    }
}
