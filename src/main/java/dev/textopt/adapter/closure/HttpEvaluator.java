package dev.textopt.adapter.closure;

import dev.textopt.optim.StorableText;
import dev.textopt.optim.training.EvaluatorFailedException;
import dev.textopt.optim.training.ExternalEvaluator;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * An {@code http} evaluator, called as a closure is ({@link JsonPost}): POSTs
 * {@code {"items": [{trace_id, inputs, output, target}]}} and reads {@code {"results": [{score, explanation}]}}.
 * Whether the scores are usable (one per item, each from 0 to 1) the core checks.
 */
@Component
class HttpEvaluator implements ExternalEvaluator {

    private final JsonPost post;

    HttpEvaluator(JsonPost post) {
        this.post = post;
    }

    @Override
    public List<Result> evaluate(URI url, List<Item> items) {
        var payload = Map.of("items", items.stream().map(HttpEvaluator::item).toList());
        Object answer = post.post(url, payload, "the evaluator", EvaluatorFailedException::new);
        if (!(answer instanceof Map<?, ?> map) || !(map.get("results") instanceof List<?> results)) {
            throw new EvaluatorFailedException("the evaluator's answer must be an object {\"results\": [{\"score\": …, \"explanation\": …}]}");
        }
        var read = new ArrayList<Result>();
        for (int i = 0; i < results.size(); i++) {
            if (!(results.get(i) instanceof Map<?, ?> result)) {
                throw new EvaluatorFailedException("the evaluator's results[" + i + "] must be an object {\"score\", \"explanation\"}");
            }
            Object explanation = result.get("explanation");
            if (explanation != null && !(explanation instanceof String)) {
                throw new EvaluatorFailedException("the evaluator's results[" + i + "].explanation must be a text");
            }
            var unstorable = explanation == null ? Optional.<String>empty() : StorableText.problem((String) explanation);
            if (unstorable.isPresent()) {
                throw new EvaluatorFailedException("the evaluator's results[" + i + "].explanation cannot be stored: it " + unstorable.get());
            }
            read.add(new Result(result.get("score") instanceof Number n ? n.doubleValue() : null, (String) explanation));
        }
        return read;
    }

    private static Map<String, Object> item(Item item) {
        var map = new LinkedHashMap<String, Object>();
        map.put("trace_id", item.traceId());
        map.put("inputs", item.inputs());
        map.put("output", item.output());
        map.put("target", item.target());
        return map;
    }
}
