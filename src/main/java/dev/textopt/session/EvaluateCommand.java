package dev.textopt.session;

import dev.textopt.optim.training.PromptTurn;
import java.util.List;
import java.util.Map;

/** An evaluate request: the traces to score, in order, and the evaluator that scores them. */
public record EvaluateCommand(List<String> traceIds, Evaluator evaluator) {

    public EvaluateCommand {
        traceIds = List.copyOf(traceIds);
    }

    /** One of the evaluator types; {@code targets} may be null where they are optional. */
    public sealed interface Evaluator permits ExactMatch, LlmJudge, Http {

        /** The type as the request names it, also what the stored evaluation says scored it. */
        String type();
    }

    /** afnio's {@code ExactMatchEvaluator}: one target per trace. */
    public record ExactMatch(List<String> targets, boolean caseSensitive, boolean trim) implements Evaluator {
        @Override
        public String type() {
            return "exact_match";
        }
    }

    /**
     * afnio's {@code LMJudgeEvaluator}: a model scores by {@code criteria}; the model, arguments and messages
     * left out (null) are the defaults.
     */
    public record LlmJudge(String criteria, List<String> targets, String modelClient, Map<String, Object> completionArgs,
            List<PromptTurn> messages) implements Evaluator {
        @Override
        public String type() {
            return "llm_judge";
        }
    }

    /** An endpoint of the user's that scores the outputs itself, called as a closure is. */
    public record Http(String url, List<String> targets) implements Evaluator {
        @Override
        public String type() {
            return "http";
        }
    }
}
