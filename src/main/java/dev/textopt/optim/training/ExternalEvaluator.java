package dev.textopt.optim.training;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The port to an {@code http} evaluator: an endpoint of the user's that scores outputs itself. Implemented
 * by an adapter (with the closure allow-list and SSRF guard); {@link ExternalEvaluation} checks its answer.
 * The endpoint receives {@code {"items": [{trace_id, inputs, output, target}]}} and answers
 * {@code {"results": [{score, explanation}]}}, one result per item in the same order.
 */
public interface ExternalEvaluator {

    /**
     * One result per item, in order, as the endpoint answered them (not yet checked).
     *
     * @throws EvaluatorFailedException when the endpoint cannot be reached, answers an error or an unreadable body
     */
    List<Result> evaluate(URI url, List<Item> items);

    /** What the endpoint is told about one trace; {@code target} is null when the request gave none. */
    record Item(String traceId, Map<String, String> inputs, String output, String target) {
        public Item {
            Objects.requireNonNull(traceId, "traceId");
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            Objects.requireNonNull(output, "output");
        }
    }

    /** One result as the endpoint answered it: {@code score} may be null or out of range until checked. */
    record Result(Double score, String explanation) {
    }
}
