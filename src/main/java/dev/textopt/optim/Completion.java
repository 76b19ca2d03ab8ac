package dev.textopt.optim;

import java.util.Objects;

/**
 * A model's answer: its text, the tokens it cost and the model that actually answered (which prices
 * are looked up by; may differ from the requested alias, e.g. "gpt-4o" answered by "gpt-4o-2024-08-06").
 */
public record Completion(String text, TokenUsage usage, String model) {

    public Completion {
        Objects.requireNonNull(text, "text");
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
