package dev.textopt.session;

import dev.textopt.optim.training.PromptTurn;
import java.util.List;
import java.util.Map;

/**
 * A backward request: the traces to give feedback from, in order, each with a score (and explanation) of
 * the request's own or none to use its stored evaluation; the model, arguments and custom messages, left
 * out (null) for the defaults.
 */
public record BackwardCommand(List<TraceScore> traces, String modelClient, Map<String, Object> completionArgs,
        List<PromptTurn> messages) {

    public BackwardCommand {
        traces = List.copyOf(traces);
    }

    /** A trace named by id; {@code score} null: use its evaluation. */
    public record TraceScore(String traceId, Double score, String explanation) {
    }
}
