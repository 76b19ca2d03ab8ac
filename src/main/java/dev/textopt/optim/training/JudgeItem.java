package dev.textopt.optim.training;

import java.util.Objects;

/**
 * One trace for the judge.
 *
 * @param target its expected output, or null when the request gave no targets
 * @param model  the judge model role for this trace, e.g. from {@link ModelRole#resolve} with the trace's paramIds
 */
public record JudgeItem(Trace trace, String target, ModelRole model) {

    public JudgeItem {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(model, "model");
    }
}
