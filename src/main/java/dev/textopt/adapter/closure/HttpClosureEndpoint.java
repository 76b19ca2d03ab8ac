package dev.textopt.adapter.closure;

import dev.textopt.optim.ClosureResult;
import dev.textopt.optim.Gradient;
import dev.textopt.optim.Loss;
import dev.textopt.optim.StorableText;
import dev.textopt.session.ClosureEndpoint;
import dev.textopt.session.ClosureSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Calls a closure over HTTP: no redirects followed, a time limit, a size limit, a strict answer. */
@Component
class HttpClosureEndpoint implements ClosureEndpoint {

    private final HttpClient http;
    private final ClosureSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    HttpClosureEndpoint(ClosureSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.timeout()).build();
    }

    @Override
    public ClosureResult evaluate(URI url, Map<String, Object> payload) {
        HttpResponse<byte[]> response;
        try {
            var request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ClosureFailedException("the closure at " + url.getHost() + " did not answer within " + settings.timeout());
        } catch (IOException e) {
            throw new ClosureFailedException("the closure at " + url.getHost() + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClosureFailedException("interrupted while calling the closure");
        }
        if (response.statusCode() / 100 != 2) {
            throw new ClosureFailedException("the closure answered HTTP " + response.statusCode() + "; it must answer 200 with "
                    + "{\"score\": …, \"explanation\": …, \"grads\": {…}}");
        }
        if (response.body().length > settings.maxResponseSize().toBytes()) {
            throw new ClosureFailedException("the closure's answer is larger than " + settings.maxResponseSize());
        }
        return parse(response.body());
    }

    private ClosureResult parse(byte[] body) {
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw new ClosureFailedException("the closure's answer is not JSON");
        }
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
