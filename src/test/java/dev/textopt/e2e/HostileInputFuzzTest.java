package dev.textopt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fuzzing driven by the service's own OpenAPI description: every operation it lists gets odd requests
 * (wrong types, huge numbers and strings, deep nesting, invalid UTF-8, NUL bytes, SQL and template
 * injection, lone and doubled braces, unknown fields). No answer may be a 500 of ours, every error
 * must be problem+json, every answer must be one the description allows, and a refused request must
 * leave the database as it was.
 */
class HostileInputFuzzTest extends EndToEndTest {

    static final long SEED = 20261123L;
    static final int REQUESTS = 1200;
    /** A fresh session to aim at every so many requests, so that what accepted requests piled up stays small. */
    static final int REQUESTS_PER_TARGET = 100;
    @DynamicPropertySource
    static void noRetries(DynamicPropertyRegistry registry) {
        registry.add("textopt.model-clients.openai.max-retries", () -> "0");
    }

    @Autowired
    JdbcTemplate jdbc;

    private final Random random = new Random(SEED);

    /** Every session the requests were aimed at: the only rows a request could change besides adding rows. */
    private final List<UUID> targets = new ArrayList<>();

    record Operation(String method, String path) {
    }

    @Test
    void oddRequestsNeverCrashNeverLeakAndChangeNothingWhenRefused() throws Exception {
        var api = new Api(port);
        List<Operation> operations = operations(api);
        assertThat(operations).hasSizeGreaterThanOrEqualTo(15);
        String id = null;
        String paramId = null;

        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            if (i % REQUESTS_PER_TARGET == 0) {
                var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Fuzz target.", "role", "prompt"))));
                id = created.at("id");
                paramId = created.at("param_groups.0.params.0.id");
                targets.add(UUID.fromString(id));
            }
            Operation operation = operations.get(random.nextInt(operations.size()));
            String path = fill(operation.path(), id, paramId);
            byte[] body = body(path, paramId);
            String contentType = random.nextInt(10) == 0 ? pick("text/plain", "application/xml", "application/json; charset=latin1")
                    : "application/json";
            String before = fingerprint();
            var response = api.sendMalformed(operation.method(), path, body, contentType);
            int status = response.status();
            statuses.merge(status, 1, Integer::sum);
            String what = operation.method() + " " + path + " " + preview(body) + " -> " + status + " " + response.raw();
            assertThat(status).as(what).isNotIn(500, 501, 503); // the database and the model client are up: no 503 either
            if (operation.method().equals("DELETE") && status == 204) { // keep a session to aim at
                var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Fuzz target.", "role", "prompt"))));
                id = created.at("id");
                paramId = created.at("param_groups.0.params.0.id");
                targets.add(UUID.fromString(id));
            }
            if (status >= 400) {
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
                assertThat(response.raw()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
                if (status != 502 && status != 504) { // a failed step records its failure in the history, by design
                    assertThat(fingerprint()).as("a refused request changed the database: " + what).isEqualTo(before);
                }
            }
        }
        System.out.println("hostile-input fuzz: " + REQUESTS + " requests, seed " + SEED + ", statuses " + statuses);
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations(Api api) {
        Map<String, Object> paths = api.get("/v3/api-docs").at("paths");
        var operations = new ArrayList<Operation>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(m -> List.of("get", "post", "put", "patch", "delete").contains(m))
                .filter(m -> !path.endsWith("/events")) // a stream that got in would not end; EventStreamTest covers it
                .forEach(m -> operations.add(new Operation(m.toUpperCase(), path))));
        return operations;
    }

    private String fill(String path, String id, String paramId) {
        return path.replace("{id}", random.nextInt(5) == 0 ? oddPathValue() : id)
                .replace("{paramId}", random.nextInt(5) == 0 ? oddPathValue() : paramId)
                .replace("{param_id}", random.nextInt(5) == 0 ? oddPathValue() : paramId)
                .replace("{traceId}", oddPathValue())
                .replace("{runId}", oddPathValue())
                .replace("{number}", pick("0", "1", "-1", "2147483648", "99999999999999999999", "abc", "1.5"))
                .replace("{index}", pick("0", "1", "-1", "2147483648", "abc"));
    }

    private String oddPathValue() {
        return pick(UUID.randomUUID().toString(), "not-a-uuid", "%27%20OR%201%3D1--", "..%2F..%2Fetc", "00000000-0000-0000-0000-000000000000");
    }

    /** A body: mostly a mutated valid one, sometimes raw garbage. */
    private byte[] body(String path, String paramId) {
        switch (random.nextInt(12)) {
            case 0:
                return new byte[] {(byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF, (byte) 0xFE};
            case 1:
                return "[".repeat(2000 + random.nextInt(3000)).getBytes(StandardCharsets.UTF_8);
            case 2:
                return "{\"params\": [{\"data\": \"\\u0000nul\\u0000\"}]}".getBytes(StandardCharsets.UTF_8);
            case 3:
                return new byte[0];
            default:
                return Api.json(mutate(validBody(path, paramId))).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A body the operation would take (forward, evaluate and backward have their own), before it is mutated. */
    private Map<String, Object> validBody(String path, String paramId) {
        var body = new LinkedHashMap<String, Object>();
        if (path.endsWith("/forward")) {
            body.put("messages", List.of(Map.of("role", "system", "content", List.of(Map.of("param", String.valueOf(paramId)))),
                    Map.of("role", "user", "content", List.of("Say {text}."))));
            body.put("inputs", List.of(new LinkedHashMap<>(Map.of("text", "hello"))));
            return body;
        }
        if (path.endsWith("/evaluate")) {
            body.put("traces", List.of(UUID.randomUUID().toString()));
            body.put("evaluator", new LinkedHashMap<>(Map.of("type", pick("exact_match", "llm_judge", "http"), "targets", List.of("HELLO"),
                    "criteria", "Upper case.")));
            return body;
        }
        if (path.endsWith("/backward")) {
            body.put("traces", List.of(new LinkedHashMap<>(Map.of("trace_id", UUID.randomUUID().toString(), "score", 0.5))));
            return body;
        }
        body.put("params", List.of(new LinkedHashMap<>(Map.of("data", "A prompt.", "role", "prompt", "requires_grad", true))));
        body.put("defaults", new LinkedHashMap<>(Map.of("momentum", 1, "constraints", List.of("Be kind."))));
        if (random.nextBoolean()) {
            body.put("data", "Feedback.");
            body.put("role", "feedback");
        }
        return body;
    }

    private Object mutate(Object value) {
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), random.nextInt(4) == 0 ? odd() : mutate(v)));
            if (random.nextInt(6) == 0) {
                copy.put(pick("learning_rate", "__proto__", "data'; DROP TABLE parameter;--", "momentum_buffer"), odd());
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(v -> copy.add(random.nextInt(4) == 0 ? odd() : mutate(v)));
            return copy;
        }
        return random.nextInt(3) == 0 ? odd() : value;
    }

    private Object odd() {
        List<Supplier<Object>> odd = List.of(
                () -> null, () -> true, () -> -1, () -> Integer.MAX_VALUE, () -> Long.MIN_VALUE, () -> 1e308, () -> -0.0,
                () -> new java.math.BigInteger("123456789012345678901234567890"), () -> "",
                () -> "x".repeat(50_000 + random.nextInt(100_000)),
                () -> "'; DROP TABLE optimizer_session; --", () -> "\" OR \"1\"=\"1",
                () -> "{role}{variable}{{", () -> "}", () -> "{", () -> "{{}}", () -> "{unknown_placeholder}",
                () -> "<IMPROVED_VARIABLE></IMPROVED_VARIABLE>", () -> "<script>alert(1)</script>",
                () -> "\uD800 lone surrogate", () -> "nul\u0000byte", () -> "emoji 🎯 and ünïcödé",
                () -> List.of(), () -> Map.of(), () -> List.of(List.of(List.of(List.of()))),
                () -> Map.of("role", "system", "content", List.of("{variable}")),
                () -> Map.of("data", 42, "role", List.of()));
        return odd.get(random.nextInt(odd.size())).get();
    }

    /**
     * What a refused request must leave as it was: how many rows every table holds (a request aimed at a
     * session that does not exist can only add rows), and every row of the sessions requests were aimed at.
     * Rows of other test classes' sessions are counted, not read: no request names them.
     */
    private String fingerprint() {
        var parts = new ArrayList<String>();
        Object[] ids = targets.toArray();
        String in = "(" + "?,".repeat(ids.length - 1) + "?)";
        for (String[] table : List.of(
                new String[] {"optimizer_session", "t.id IN " + in},
                new String[] {"param_group", "t.session_id IN " + in},
                new String[] {"parameter", "t.session_id IN " + in},
                new String[] {"gradient", "t.param_id IN (SELECT id FROM parameter WHERE session_id IN " + in + ")"},
                new String[] {"model_usage", "t.session_id IN " + in},
                new String[] {"step_entry", "t.session_id IN " + in},
                new String[] {"step_param", "t.step_id IN (SELECT id FROM step_entry WHERE session_id IN " + in + ")"},
                new String[] {"trace", "t.session_id IN " + in})) {
            parts.add(jdbc.queryForObject("SELECT (SELECT count(*) FROM \"" + table[0] + "\") || ':' || "
                    + "coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"" + table[0] + "\" t WHERE "
                    + table[1], String.class, ids));
        }
        return String.join(",", parts);
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
