package dev.textopt.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI description of a running textopt, as a validator of the exchanges the tests make with it:
 * every answer (status, headers, body) must be one the description allows, and every request the
 * service accepted must be one it describes. Fetched once per base URL.
 *
 * <p>Two things are stricter than the served description: an answer may not carry a field its schema
 * lacks (every object schema is closed here, so a field added to a record and not to the description,
 * or the other way round, fails); and only exchanges under {@code /v1/} count, since the actuator and
 * the docs are not part of the description.
 *
 * <p>What is not checked, because it cannot be described: a request the service refused (4xx, 5xx) is
 * not held to the description (the tests send malformed requests on purpose; their answers still are),
 * nor are the fuzz test's requests, made to be odd, even where the service takes them; an exchange whose
 * method and path match no operation (a 405, a path no endpoint has) has no operation to check against.
 */
public final class ApiContract {

    /** One exchange as the description sees it: the operation matched and the answer's status. */
    public record Exchange(String operation, int status) {
    }

    private static final Map<String, ApiContract> BY_BASE = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenAPI api;
    private final OpenApiInteractionValidator validator;
    private final ApiOperationResolver operations;

    private ApiContract(String served) {
        ObjectNode description = (ObjectNode) JSON.readTree(served);
        ((ObjectNode) description.get("info")).remove("license"); // swagger-parser wants an SPDX identifier not chosen yet
        description.get("components").get("schemas").forEach(ApiContract::close);
        String checked = JSON.writeValueAsString(description);
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(checked).build();
        api = new OpenAPIParser().readContents(checked, null, new ParseOptions()).getOpenAPI();
        operations = new ApiOperationResolver(api, null, true);
    }

    /** The contract of the service at {@code base}, fetched with {@code authorization} (may be null) the first time. */
    public static ApiContract of(String base, String authorization) {
        return BY_BASE.computeIfAbsent(base, b -> new ApiContract(fetch(b + "/v3/api-docs", authorization)));
    }

    /** Every operation of the description, as {@code METHOD /path/{template}}. */
    public Set<String> operations() {
        var operations = new TreeSet<String>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(method -> operations.add(method + " " + path)));
        return operations;
    }

    /**
     * Checks one exchange; throws an AssertionError with the validator's report when the description does
     * not allow it. Returns the operation it matched, or empty when it is outside the description.
     */
    public Optional<Exchange> check(String method, String pathAndQuery, Map<String, String> requestHeaders, String requestBody,
                                    HttpResponse<String> response, boolean checkRequest) {
        URI uri = URI.create(pathAndQuery);
        String path = uri.getRawPath();
        ApiOperationMatch match = operations.findApiOperation(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)));
        if (!path.startsWith("/v1/") || !match.isPathFound() || !match.isOperationAllowed()) {
            return Optional.empty();
        }
        var request = new SimpleRequest.Builder(method, path).withBody(requestBody);
        requestHeaders.forEach(request::withHeader);
        query(uri.getRawQuery()).forEach(request::withQueryParam);
        var answer = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        ValidationReport report = validator.validate(request.build(), answer.build());
        if (response.statusCode() >= 400 || !checkRequest) {
            report = ValidationReport.from(report.getMessages().stream().filter(m -> !m.getKey().startsWith("validation.request.")).toList());
        }
        if (report.hasErrors()) {
            throw new AssertionError("the description at /v3/api-docs does not allow this exchange:\n" + method + " " + pathAndQuery
                    + " " + preview(requestBody) + "\n→ " + response.statusCode() + " " + preview(response.body()) + "\n"
                    + report.getMessages().stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
        String operation = match.getApiOperation().getMethod() + " " + match.getApiOperation().getApiPath().original();
        return Optional.of(new Exchange(operation, response.statusCode()));
    }

    /** Closes an object schema: a field an answer carries must be one the description names. */
    private static void close(JsonNode schema) {
        if (schema.has("properties") && !schema.has("additionalProperties")) {
            ((ObjectNode) schema).put("additionalProperties", false);
        }
    }

    private static Map<String, String> query(String query) {
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        return java.util.Arrays.stream(query.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : "", (a, b) -> b));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String preview(String text) {
        return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private static String fetch(String url, String authorization) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
