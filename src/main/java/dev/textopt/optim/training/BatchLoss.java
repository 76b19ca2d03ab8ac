package dev.textopt.optim.training;

import java.util.List;

/**
 * The loss of an evaluated batch, as afnio's evaluators return it: the mean score, and each item's
 * explanation prefixed by its index ("[0] …\n[1] …").
 */
public record BatchLoss(double score, String explanation) {

    public static BatchLoss of(List<Evaluation> evaluations) {
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("a loss needs at least one evaluation");
        }
        double mean = evaluations.stream().mapToDouble(Evaluation::score).sum() / evaluations.size();
        StringBuilder explanation = new StringBuilder();
        for (int i = 0; i < evaluations.size(); i++) {
            explanation.append(i == 0 ? "" : "\n").append('[').append(i).append("] ").append(evaluations.get(i).explanation());
        }
        return new BatchLoss(mean, explanation.toString());
    }
}
