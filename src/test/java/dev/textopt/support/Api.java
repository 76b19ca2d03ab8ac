package dev.textopt.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for end-to-end tests: sends JSON, gives back status, headers and parsed body.
 * Every exchange is checked against the OpenAPI description of the service it talks to
 * ({@link ApiContract}); one the description does not allow fails the calling test.
 */
public final class Api {

    public record Response(int status, String contentType, String location, String raw, Object body, HttpHeaders headers) {

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
    private final String authorization;
    private final List<ApiContract.Exchange> exchanges = new ArrayList<>();

    public Api(int port) {
        this(port, null);
    }

    /** A client that sends {@code Authorization: Bearer <key>} with every request (null: none). */
    public Api(int port, String key) {
        this.base = "http://localhost:" + port;
        this.authorization = key == null ? null : "Bearer " + key;
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** A GET with extra headers, e.g. {@code Authorization}. */
    public Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body == null ? null : json(body), "application/json");
    }

    /** A POST with extra headers, e.g. {@code Idempotency-Key} or {@code Prefer}. */
    public Response post(String path, Object body, String... headers) {
        return send("POST", path, body == null ? null : json(body).getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    /** A PUT with extra headers as name, value, …, e.g. {@code If-Match}. */
    public Response put(String path, Object body, String... headers) {
        return send("PUT", path, json(body).getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    /** A PATCH with extra headers as name, value, …, e.g. {@code If-Match}. */
    public Response patch(String path, Object body, String... headers) {
        return send("PATCH", path, json(body).getBytes(StandardCharsets.UTF_8), "application/json", headers);
    }

    public Response send(String method, String path, String rawBody, String contentType) {
        return send(method, path, rawBody == null ? null : rawBody.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** Any request, as bytes (which need not be JSON, nor even UTF-8), with extra headers as name, value, …. */
    public Response send(String method, String path, byte[] body, String contentType, String... headers) {
        return send(true, method, path, body, contentType, headers);
    }

    /**
     * A request made to be wrong (a fuzz test's): it is not held to the description even when the service
     * accepts it; its answer is, like every other.
     */
    public Response sendMalformed(String method, String path, byte[] body, String contentType) {
        return send(false, method, path, body, contentType);
    }

    private Response send(boolean checkRequest, String method, String path, byte[] body, String contentType, String... headers) {
        var requestHeaders = new LinkedHashMap<String, String>();
        if (contentType != null) {
            requestHeaders.put("Content-Type", contentType);
        }
        if (authorization != null) {
            requestHeaders.put("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            requestHeaders.put(headers[i], headers[i + 1]);
        }
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        requestHeaders.forEach(builder::header);
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            ApiContract.of(base, authorization)
                    .check(method, path, requestHeaders, body == null ? null : new String(body, StandardCharsets.UTF_8), response,
                            checkRequest)
                    .ifPresent(this::record);
            return parse(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET of an event stream, read line by line until {@code until} holds for the text read so far, or the
     * stream ends, or {@code max} has passed when a line (a heartbeat at least) arrives; then the stream is left.
     * The answer is what was read, checked against the description like any other.
     */
    public Response stream(String path, Predicate<String> until, Duration max, String... headers) {
        var requestHeaders = new LinkedHashMap<String, String>();
        requestHeaders.put("Accept", "text/event-stream");
        if (authorization != null) {
            requestHeaders.put("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            requestHeaders.put(headers[i], headers[i + 1]);
        }
        var builder = HttpRequest.newBuilder(URI.create(base + path)).GET();
        requestHeaders.forEach(builder::header);
        long deadline = System.nanoTime() + max.toNanos();
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofLines());
            var text = new StringBuilder();
            try (var lines = response.body()) {
                var it = lines.iterator();
                while (System.nanoTime() < deadline && !until.test(text.toString()) && it.hasNext()) {
                    text.append(it.next()).append('\n');
                }
            }
            var read = new ReadSoFar(response, text.toString());
            ApiContract.of(base, authorization).check("GET", path, requestHeaders, null, read, true).ifPresent(this::record);
            return parse(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized void record(ApiContract.Exchange exchange) {
        exchanges.add(exchange);
    }

    /** Every exchange this client made that the description covers: the operation and the answer's status. */
    public synchronized List<ApiContract.Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private static Response parse(HttpResponse<String> response) {
        String raw = response.body();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        boolean json = contentType != null && contentType.contains("json");
        Object body = raw == null || raw.isBlank() || !json ? null : JSON.readValue(raw, Object.class);
        return new Response(response.statusCode(), contentType, response.headers().firstValue("Location").orElse(null), raw, body,
                response.headers());
    }
}
