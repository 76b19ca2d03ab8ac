package dev.textopt.adapter.closure;

import dev.textopt.session.ClosureSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON POST to an endpoint of a client's, as closures and {@code http} evaluators make it: no redirect
 * followed, a time limit on connecting and answering, a size limit on the answer, a 2xx status and JSON
 * required. Whoever calls it has checked the URL against the allow-list first.
 */
@Component
class JsonPost {

    private final HttpClient http;
    private final ClosureSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();

    JsonPost(ClosureSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.timeout()).build();
    }

    /**
     * The endpoint's answer as a JSON tree (maps, lists, texts, numbers).
     *
     * @param what    who is called, for the messages: "the closure", "the evaluator"
     * @param failure the exception to throw with a message that says what went wrong
     */
    Object post(URI url, Object payload, String what, Function<String, RuntimeException> failure) {
        HttpResponse<byte[]> response;
        try {
            var request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw failure.apply(what + " at " + url.getHost() + " did not answer within " + settings.timeout());
        } catch (IOException e) {
            throw failure.apply(what + " at " + url.getHost() + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure.apply("interrupted while calling " + what);
        }
        if (response.statusCode() / 100 != 2) {
            throw failure.apply(what + " answered HTTP " + response.statusCode() + "; it must answer 200 with JSON");
        }
        if (response.body().length > settings.maxResponseSize().toBytes()) {
            throw failure.apply(what + "'s answer is larger than " + settings.maxResponseSize());
        }
        try {
            return json.readValue(response.body(), Object.class);
        } catch (JacksonException e) {
            throw failure.apply(what + "'s answer is not JSON");
        }
    }
}
