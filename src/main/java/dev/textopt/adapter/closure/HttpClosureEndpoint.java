package dev.textopt.adapter.closure;

import dev.textopt.optim.ClosureResult;
import dev.textopt.optim.Gradient;
import dev.textopt.optim.Loss;
import dev.textopt.optim.StorableText;
import dev.textopt.session.ClosureEndpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Calls a closure over HTTP ({@link JsonPost}) and reads its answer strictly. */
@Component
class HttpClosureEndpoint implements ClosureEndpoint {

    private final JsonPost post;

    HttpClosureEndpoint(JsonPost post) {
        this.post = post;
    }

    @Override
    public ClosureResult evaluate(URI url, Map<String, Object> payload) {
        Object parsed = post.post(url, payload, "the closure", ClosureFailedException::new);
        if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("score")) {
            throw new ClosureFailedException("the closure's answer must be an object with \"score\" (and optionally \"explanation\", \"grads\")");
        }
        Object score = map.get("score");
        if (!(score instanceof Number || score instanceof String)) {
            throw new ClosureFailedException("the closure's \"score\" must be a number or a text");
        }
        Object explanation = map.get("explanation");
        if (explanation != null && !(explanation instanceof String)) {
            throw new ClosureFailedException("the closure's \"explanation\" must be a text");
        }
        if (score instanceof String text) {
            storable(text, "score");
        }
        if (explanation != null) {
            storable((String) explanation, "explanation");
        }
        return new ClosureResult(new Loss(score, (String) explanation), grads(map.get("grads")));
    }

    /** Text of the answer is kept (loss, gradients): what would not be stored as sent fails the closure. */
    private static void storable(String text, String field) {
        StorableText.problem(text).ifPresent(problem -> {
            throw new ClosureFailedException("the closure's answer cannot be stored: its \"" + field + "\" " + problem);
        });
    }

    private static Map<String, List<Gradient>> grads(Object value) {
        var grads = new LinkedHashMap<String, List<Gradient>>();
        if (value == null) {
            return grads;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ClosureFailedException("the closure's \"grads\" must be an object {param_id: [Variable, ...]}");
        }
        for (var entry : map.entrySet()) {
            if (!(entry.getValue() instanceof List<?> list)) {
                throw new ClosureFailedException("the closure's grads for " + entry.getKey() + " must be a list of Variables");
            }
            var parsed = new ArrayList<Gradient>();
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> g) || !(g.get("data") instanceof String data)) {
                    throw new ClosureFailedException("each gradient from the closure must be {\"data\": text, \"role\": text}");
                }
                String role = g.get("role") instanceof String r ? r : "";
                String context = g.get("context") instanceof String c ? c : null;
                String at = "grads." + entry.getKey() + "[" + parsed.size() + "]";
                storable(data, at + ".data");
                storable(role, at + ".role");
                storable(context == null ? "" : context, at + ".context");
                parsed.add(new Gradient(data, role, context));
            }
            grads.put(String.valueOf(entry.getKey()), parsed);
        }
        return grads;
    }
}
