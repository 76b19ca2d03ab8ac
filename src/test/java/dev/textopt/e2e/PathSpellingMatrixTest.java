package dev.textopt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.Browser;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.ReadSoFar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every path the service serves — each operation of its own OpenAPI description, the web view's pages
 * and forms, the actuator — spelled in every way that once let a request past a check that compared the
 * raw URI while Spring MVC routed on the decoded one: a percent-encoded letter in each segment, an
 * encoded slash, ';x=y' after each segment, '//', '/./', '/../', a walk up from an open path, upper
 * case, a trailing slash, a backslash. Without a key each answers 400, 401 or 404 (the web view's pages
 * may instead redirect to the sign-in page, which is where a person without a session belongs), and the
 * database is unchanged. With a key the plain spelling works, and another tenant's session is 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "textopt.security.api-keys=tenant-a:matrix-key-a,tenant-b:matrix-key-b")
class PathSpellingMatrixTest extends EndToEndTest {

    record Target(String method, String template, boolean page) {
    }

    static final List<Target> VIEW_AND_ACTUATOR = List.of(
            new Target("GET", "/ui", true), new Target("GET", "/ui/fragments/sessions", true),
            new Target("GET", "/ui/sessions/{id}", true), new Target("GET", "/ui/sessions/{id}/charts", true),
            new Target("GET", "/ui/sessions/{id}/progress", true), new Target("GET", "/ui/sessions/{id}/state-dict.json", true),
            new Target("POST", "/ui/sessions/{id}/params/{param_id}", true), new Target("POST", "/ui/sessions/{id}/params/{param_id}/grad", true),
            new Target("POST", "/ui/sessions/{id}/clear-grad", true), new Target("POST", "/ui/sessions/{id}/step", true),
            new Target("POST", "/ui/sessions/{id}/restore", true), new Target("GET", "/ui/sessions/{id}/runs/{runId}", true),
            new Target("GET", "/ui/sessions/{id}/runs/{runId}/progress", true), new Target("POST", "/ui/sessions/{id}/runs/{runId}/cancel", true),
            new Target("GET", "/ui/login", true),
            new Target("POST", "/ui/login", true), new Target("POST", "/ui/logout", true),
            new Target("GET", "/actuator", false), new Target("GET", "/actuator/prometheus", false),
            new Target("GET", "/actuator/metrics", false), new Target("GET", "/actuator/info", false),
            new Target("GET", "/actuator/env", false), new Target("GET", "/actuator/health/db", false),
            new Target("GET", "/actuator/health", false), new Target("GET", "/actuator/health/liveness", false),
            new Target("GET", "/actuator/health/readiness", false));

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String csrfCookie;
    private String csrfToken;
    private Object stateDict = Map.of("state", Map.of(), "param_groups", List.of());
    /** A trace of the session the requests aim at, once a forward pass with a key made one. */
    private String traceId = UUID.randomUUID().toString();
    /** A training run of that session, once one was started with a key; and the parameter it trains. */
    private String runId = UUID.randomUUID().toString();
    private String paramId = UUID.randomUUID().toString();

    @Test
    void noSpellingOfAnyPathGetsInWithoutAKeyAndChangesNothing() throws Exception {
        List<Target> targets = new ArrayList<>(apiOperations());
        targets.addAll(VIEW_AND_ACTUATOR);
        var theirs = session("matrix-key-b");
        stateDict = export(theirs[0], "matrix-key-b");
        signInForm();
        var ids = List.of(Map.of("id", theirs[0], "param_id", theirs[1]),
                Map.of("id", UUID.randomUUID().toString(), "param_id", UUID.randomUUID().toString()));
        String before = fingerprint();
        int requests = 0;
        for (Target target : targets) {
            for (String path : ids.stream().map(id -> fill(target.template(), id)).distinct().toList()) {
                for (String spelled : spellings(path)) {
                    var response = send(target, spelled, null);
                    requests++;
                    String what = target.method() + " " + spelled + " -> " + response.statusCode() + " " + response.body();
                    if (target.page() && response.statusCode() == 302) {
                        assertThat(response.headers().firstValue("Location").orElse("")).as(what).contains("/ui/login");
                        continue;
                    }
                    assertThat(response.statusCode()).as(what).isIn(400, 401, 404);
                    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
                    if (response.statusCode() == 401) {
                        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).as(what).startsWith("Bearer");
                    }
                }
                String backslashed = path.substring(0, path.lastIndexOf('/')) + "\\" + path.substring(path.lastIndexOf('/') + 1);
                assertThat(rawStatus(target.method(), backslashed)).as(target.method() + " " + backslashed).isEqualTo(400);
                requests++;
            }
        }
        assertThat(fingerprint()).as("the database after " + requests + " requests without a key").isEqualTo(before);
        System.out.println("path spelling matrix: " + requests + " requests without a key, none got in");
    }

    @Test
    void withAKeyThePlainSpellingWorksAndAnotherTenantsSessionIs404() throws Exception {
        var mine = session("matrix-key-a");
        var theirs = session("matrix-key-b");
        api.post("/v1/optimizers/" + mine[0] + "/params/" + mine[1] + "/grad", Map.of("data", "Matrix grad."), "Authorization", "Bearer matrix-key-a");
        openAi.answer("Matrix grad.", "<IMPROVED_VARIABLE>Matrix prompt, better.</IMPROVED_VARIABLE>", 5, 2);
        openAi.answer("Matrix input.", "Matrix output.", 5, 2);
        paramId = mine[1];
        String before = fingerprint();
        for (Target target : apiOperations()) {
            if (target.template().contains("{id}")) {
                var response = send(target, fill(target.template(), Map.of("id", theirs[0], "param_id", theirs[1])), "matrix-key-a");
                assertThat(response.statusCode()).as(target + " on another tenant's session: " + response.body()).isEqualTo(404);
            }
        }
        assertThat(fingerprint()).isEqualTo(before);

        for (Target target : apiOperations()) {
            if (target.template().startsWith("/v1/webhooks")) {
                continue; // not a session's: its ids are webhooks' (WebhookTest covers them, tenants included)
            }
            String id = target.method().equals("DELETE") ? session("matrix-key-a")[0] : mine[0];
            if (target.method().equals("PUT")) {
                stateDict = export(id, "matrix-key-a");
            }
            var response = send(target, fill(target.template(), Map.of("id", id, "param_id", mine[1])), "matrix-key-a");
            assertThat(response.statusCode()).as(target + ": " + response.body()).isBetween(200, 204);
            if (target.template().endsWith("/forward")) {
                traceId = JsonMapper.builder().build().readTree(response.body()).at("/traces/0/id").asString();
            }
            if (target.template().endsWith("/runs") && target.method().equals("POST")) {
                runId = JsonMapper.builder().build().readTree(response.body()).at("/id").asString();
            }
        }
        var browser = new Browser();
        browser.signIn(port, "matrix-key-a");
        assertThat(browser.get(port, "/ui").statusCode()).isEqualTo(200);
        assertThat(browser.get(port, "/ui/sessions/" + mine[0]).statusCode()).isEqualTo(200);
        assertThat(browser.get(port, "/ui/sessions/" + theirs[0]).statusCode()).isEqualTo(404);
        var prometheus = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer matrix-key-b").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.statusCode()).isEqualTo(200);
    }

    @Test
    void everySpellingOfAPostWithAnIdempotencyKeyIsRefusedOrReplayedSoItIsDoneOnce() throws Exception {
        Target create = new Target("POST", "/v1/optimizers", false);
        String idempotencyKey = "matrix-" + UUID.randomUUID();
        String count = "SELECT count(*) FROM optimizer_session WHERE tenant = 'tenant-b'";
        long before = jdbc.queryForObject(count, Long.class);
        assertThat(send(create, "/v1/optimizers", "matrix-key-b", "Idempotency-Key", idempotencyKey).statusCode()).isEqualTo(201);
        for (String spelled : spellings("/v1/optimizers")) {
            var response = send(create, spelled, "matrix-key-b", "Idempotency-Key", idempotencyKey);
            String what = spelled + " -> " + response.statusCode() + " " + response.body();
            if (response.statusCode() == 201) {
                assertThat(response.headers().firstValue("Idempotent-Replayed")).as(what).hasValue("true");
            } else {
                assertThat(response.statusCode()).as(what).isIn(400, 404, 422); // 422: the key was used for another URI
            }
        }
        assertThat(jdbc.queryForObject(count, Long.class)).isEqualTo(before + 1);
    }

    /** Every operation of the served OpenAPI description, in an order in which each finds what it needs. */
    @SuppressWarnings("unchecked")
    private List<Target> apiOperations() {
        Map<String, Object> paths = api.get("/v3/api-docs").at("paths");
        var targets = new ArrayList<Target>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(m -> List.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> targets.add(new Target(m.toUpperCase(Locale.ROOT), path, false))));
        targets.sort((a, b) -> Integer.compare(order(a), order(b)));
        assertThat(targets).hasSizeGreaterThanOrEqualTo(15);
        return targets;
    }

    /**
     * Edits first; forward before the trace, evaluate and backward that use its trace; restores; then a training run (which
     * refuses changes by hand while it is going) and what reads or cancels it; deletes last.
     */
    private static int order(Target t) {
        String path = t.template();
        return t.method().equals("PATCH") ? 0 : path.endsWith("/forward") ? 1 : path.endsWith("/restore") ? 3
                : path.endsWith("/runs") && t.method().equals("POST") ? 4 : path.contains("/runs") ? 5
                : t.method().equals("DELETE") ? 6 : 2;
    }

    /** The same path written every way the matrix tries. */
    static List<String> spellings(String path) {
        var spelled = new ArrayList<String>();
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int at = firstLetter(segment);
            String encoded = segment.substring(0, at) + String.format("%%%02X", (int) segment.charAt(at)) + segment.substring(at + 1);
            spelled.add(join(segments, i, encoded));
            spelled.add(join(segments, i, segment + ";x=y"));
        }
        int last = path.lastIndexOf('/');
        String head = path.substring(0, last);
        String tail = path.substring(last + 1);
        if (!head.isEmpty()) {
            spelled.add(head + "%2F" + tail);
            spelled.add(head + "/./" + tail);
            spelled.add(head + "/x/../" + tail);
        }
        spelled.add("/" + path);
        spelled.add(head + "//" + tail);
        spelled.add("/actuator/health/../.." + path);
        spelled.add(path.toUpperCase(Locale.ROOT));
        spelled.add(path + "/");
        return spelled;
    }

    /** Where to encode: the first letter of the segment, or its first character when it has none. */
    private static int firstLetter(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (Character.isLetter(segment.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    private static String join(String[] segments, int replaced, String replacement) {
        var parts = segments.clone();
        parts[replaced] = replacement;
        return "/" + String.join("/", parts);
    }

    private String fill(String template, Map<String, String> ids) {
        String path = template;
        for (var entry : ids.entrySet()) {
            path = path.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return path.replace("{paramId}", ids.get("param_id")).replace("{traceId}", traceId).replace("{runId}", runId)
                .replace("{number}", "1").replace("{n}", "1").replace("{index}", "0");
    }

    private HttpResponse<String> send(Target target, String path, String key, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (target.method().equals("GET") || target.method().equals("DELETE")) {
            builder.method(target.method(), HttpRequest.BodyPublishers.noBody());
        } else if (target.template().startsWith("/ui")) {
            // with the CSRF token of a real sign-in form: only the missing sign-in may refuse these
            builder.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", csrfCookie)
                    .method(target.method(), HttpRequest.BodyPublishers.ofString("data=Matrix.&entry=0&_csrf=" + csrfToken));
        } else {
            builder.header("Content-Type", "application/json")
                    .method(target.method(), HttpRequest.BodyPublishers.ofString(Api.json(body(target))));
        }
        if (path.contains("/events")) { // an event stream that got in does not end: its answer's head is enough
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (var body = response.body()) {
                return new ReadSoFar(response, response.statusCode() >= 400 ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "");
            }
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A body each operation accepts, so that a request that got in would change something. */
    private Object body(Target target) {
        String t = target.template();
        if (t.endsWith("/state-dict")) {
            return Map.of("state_dict", stateDict, "model_clients", Map.of("model_client", "openai"));
        }
        if (t.endsWith("/param-groups") || t.equals("/v1/optimizers")) {
            return Map.of("params", List.of(Map.of("data", "Matrix prompt.", "role", "prompt")));
        }
        if (t.endsWith("/param-groups/{index}")) {
            return Map.of("momentum", 3);
        }
        if (t.endsWith("/grad") || target.method().equals("PATCH")) {
            return Map.of("data", "Matrix feedback.");
        }
        if (t.endsWith("/forward")) {
            return Map.of("messages", List.of(Map.of("role", "user", "content", List.of("Matrix input."))), "inputs", List.of(Map.of()),
                    "model_client", "openai");
        }
        if (t.endsWith("/evaluate")) {
            return Map.of("traces", List.of(traceId), "evaluator", Map.of("type", "exact_match", "targets", List.of("Matrix output.")));
        }
        if (t.endsWith("/backward")) {
            return Map.of("traces", List.of(Map.of("trace_id", traceId, "score", 1)));
        }
        if (t.endsWith("/runs")) {
            return Map.of("train", List.of(Map.of("inputs", Map.of("text", "Matrix input."), "target", "Matrix output.")),
                    "forward", Map.of("messages", List.of(Map.of("role", "system", "content", List.of(Map.of("param", paramId))),
                            Map.of("role", "user", "content", List.of("{text}")))), "evaluator", Map.of("type", "exact_match"));
        }
        return Map.of();
    }

    private String[] session(String key) {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Matrix prompt.", "role", "prompt"))),
                "Authorization", "Bearer " + key);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new String[] {created.at("id"), created.at("param_groups.0.params.0.id")};
    }

    private Object export(String id, String key) {
        var response = api.get("/v1/optimizers/" + id + "/state-dict", "Authorization", "Bearer " + key);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** A CSRF cookie and token as the sign-in page hands them to anyone. */
    private void signInForm() {
        var browser = new Browser();
        var page = browser.get(port, "/ui/login");
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(matcher.find()).isTrue();
        csrfToken = matcher.group(1);
        var cookie = browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow();
        csrfCookie = cookie.getName() + "=" + cookie.getValue();
    }

    /** For spellings java.net.URI refuses: the request line as written. */
    private int rawStatus(String method, String path) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    /** Rows and an md5 of every table; once per batch of requests, not per request. */
    private String fingerprint() {
        var parts = new LinkedHashMap<String, String>();
        for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename <> 'flyway_schema_history' ORDER BY tablename", String.class)) {
            parts.put(table, jdbc.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \""
                    + table + "\" t", String.class));
        }
        return parts.toString();
    }
}
