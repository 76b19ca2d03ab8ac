package dev.textopt.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for end-to-end tests: sends JSON, gives back status, headers and parsed body. */
public final class Api {

    public record Response(int status, String contentType, String location, String raw, Object body,
            java.net.http.HttpHeaders headers) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        public <T> T at(String path) {
            Object node = body;
            for (String part : path.split("\\.")) {
                if (node instanceof List<?> && part.matches("\\d+")) {
                    node = ((List<Object>) node).get(Integer.parseInt(part));
                } else {
                    node = ((Map<String, Object>) node).get(part);
                }
            }
            return (T) node;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with extra headers, e.g. {@code Authorization}. */
    public Response get(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body == null ? null : json(body), "application/json");
    }

    /** A POST with extra headers, e.g. {@code Idempotency-Key} or {@code Prefer}. */
    public Response post(String path, Object body, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json(body)))
                .header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, json(body), "application/json");
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, json(body), "application/json");
    }

    public Response send(String method, String path, String rawBody, String contentType) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(rawBody));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            boolean json = response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
            Object body = raw == null || raw.isBlank() || !json ? null : JSON.readValue(raw, Object.class);
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null), raw, body, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
