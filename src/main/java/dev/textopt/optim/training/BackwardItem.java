package dev.textopt.optim.training;

import java.util.Objects;

/**
 * One trace for the backward pass.
 *
 * @param evaluation its score and explanation: from evaluate, or given by the request (afnio's
 *                   {@code DeterministicEvaluator})
 * @param model      the backward model role for this trace, e.g. from {@link ModelRole#resolve} with the trace's paramIds
 */
public record BackwardItem(Trace trace, Evaluation evaluation, ModelRole model) {

    public BackwardItem {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(model, "model");
    }
}
