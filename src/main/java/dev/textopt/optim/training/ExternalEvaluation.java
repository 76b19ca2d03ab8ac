package dev.textopt.optim.training;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scores traces with an {@link ExternalEvaluator} and refuses an answer that cannot be a result per trace. */
public final class ExternalEvaluation {

    private ExternalEvaluation() {
    }

    /**
     * @param targets one per trace, or null
     * @throws InvalidTrainingRequestException when targets are given but not one per trace
     * @throws EvaluatorFailedException        when the endpoint fails or answers the wrong number of results,
     *                                         or a score that is not a number from 0 to 1
     */
    public static EvaluationResult.Scored evaluate(ExternalEvaluator evaluator, URI url, List<Trace> traces, List<String> targets) {
        EvaluatorTargets.check(targets, traces.size(), false);
        List<ExternalEvaluator.Item> items = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            Trace trace = traces.get(i);
            items.add(new ExternalEvaluator.Item(trace.id(), trace.inputs(), trace.output(), targets == null ? null : targets.get(i)));
        }
        List<ExternalEvaluator.Result> results = evaluator.evaluate(url, items);
        if (results == null || results.size() != items.size()) {
            throw new EvaluatorFailedException("the evaluator answered " + (results == null ? "no" : results.size())
                    + " results for " + items.size() + " items; it must answer one per item, in order");
        }
        List<Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Double score = results.get(i).score();
            if (score == null || !(score >= 0 && score <= 1)) {
                throw new EvaluatorFailedException("the evaluator's results[" + i + "].score is " + score
                        + "; it must be a number from 0 to 1");
            }
            evaluations.add(new Evaluation(score, results.get(i).explanation()));
        }
        return EvaluationResult.Scored.of(evaluations, Map.of());
    }
}
