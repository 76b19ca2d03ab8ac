package dev.textopt.optim.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * afnio's {@code ExactMatchEvaluator}: score 1 when the output equals its target, else 0, with an
 * explanation that says what differed. No model call.
 *
 * @param caseSensitive whether letter case must match (default true)
 * @param trim          whether whitespace around output and target is ignored (default true)
 */
public record ExactMatch(boolean caseSensitive, boolean trim) {

    /** Case-sensitive, surrounding whitespace ignored: the request's defaults. */
    public static final ExactMatch DEFAULT = new ExactMatch(true, true);

    public Evaluation evaluate(String output, String target) {
        String o = trim ? output.strip() : output;
        String t = trim ? target.strip() : target;
        if (caseSensitive ? o.equals(t) : o.equalsIgnoreCase(t)) {
            return new Evaluation(1, "matches");
        }
        String difference = "expected " + quoted(target) + ", got " + quoted(output);
        if (o.equalsIgnoreCase(t)) {
            difference += " (only the letter case differs)";
        } else if (!trim && (caseSensitive ? o.strip().equals(t.strip()) : o.strip().equalsIgnoreCase(t.strip()))) {
            difference += " (only the whitespace around it differs)";
        }
        return new Evaluation(0, difference);
    }

    /**
     * Scores each trace's output against the target at the same index.
     *
     * @throws InvalidTrainingRequestException when there is not exactly one target per trace
     */
    public EvaluationResult.Scored evaluate(List<Trace> traces, List<String> targets) {
        EvaluatorTargets.check(targets, traces.size(), true);
        List<Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            evaluations.add(evaluate(traces.get(i).output(), targets.get(i)));
        }
        return EvaluationResult.Scored.of(evaluations, Map.of());
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
