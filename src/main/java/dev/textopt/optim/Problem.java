package dev.textopt.optim;

import java.util.Objects;

/**
 * One thing wrong with an optimizer request. {@code field} is a path into the request as the user wrote
 * it (e.g. {@code param_groups[1].momentum}, {@code defaults.messages[0].content}); {@code message}
 * says what to change.
 */
public record Problem(String field, String message) {

    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
