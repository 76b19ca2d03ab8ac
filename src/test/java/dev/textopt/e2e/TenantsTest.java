package dev.textopt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.PostgresTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** With API keys on, every request needs one, and a tenant sees only its own sessions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "textopt.security.api-keys=tenant-a:key-a-123,tenant-b:key-b-456,tenant-c:key-c-789")
class TenantsTest extends PostgresTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(String method, String path, String key, Object body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String create(String key) throws Exception {
        var response = send("POST", "/v1/optimizers", key, Map.of("params", List.of(Map.of("data", "Mine.", "role", "prompt"))));
        assertThat(response.statusCode()).isEqualTo(201);
        return (String) json.readValue(response.body(), Map.class).get("id");
    }

    @Test
    void noKeyOrAWrongKeyIs401WithWwwAuthenticate() throws Exception {
        for (String key : new String[] {null, "not-a-key"}) {
            var response = send("GET", "/v1/optimizers", key, null);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain("key-a-123");
        }
    }

    @Test
    void anotherTenantsSessionIs404AndNotListed() throws Exception {
        String mine = create("key-a-123");
        assertThat(send("GET", "/v1/optimizers/" + mine, "key-a-123", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v1/optimizers/" + mine, "key-b-456", null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/v1/optimizers/" + mine, "key-b-456", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/v1/optimizers/" + mine + "/clear-grad", "key-b-456", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/v1/optimizers?size=200", "key-b-456", null).body()).doesNotContain(mine);
        assertThat(send("GET", "/v1/optimizers?size=200", "key-a-123", null).body()).contains(mine);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageOfSessionsIsNewestFirstEachWithItsOwnGroupsParamsAndGrads() throws Exception {
        String key = "key-c-789";
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var body = Map.of("params", List.of(
                    Map.of("params", List.of(Map.of("data", "s" + i + " g0 p0", "role", "r"), Map.of("data", "s" + i + " g0 p1", "role", "r"))),
                    Map.of("params", List.of(Map.of("data", "s" + i + " g1 p0", "role", "r")))));
            var created = json.readValue(send("POST", "/v1/optimizers", key, body).body(), Map.class);
            ids.add((String) created.get("id"));
            var groups = (List<Map<String, Object>>) created.get("param_groups");
            String param = (String) ((List<Map<String, Object>>) groups.get(1).get("params")).get(0).get("id");
            assertThat(send("POST", "/v1/optimizers/" + created.get("id") + "/params/" + param + "/grad", key,
                    List.of(Map.of("data", "s" + i + " first"), Map.of("data", "s" + i + " second"))).statusCode()).isEqualTo(200);
        }

        var first = (List<Map<String, Object>>) json.readValue(send("GET", "/v1/optimizers?page=0&size=2", key, null).body(), Map.class).get("items");
        var second = (List<Map<String, Object>>) json.readValue(send("GET", "/v1/optimizers?page=1&size=2", key, null).body(), Map.class).get("items");

        var listed = new java.util.ArrayList<>(first);
        listed.addAll(second);
        assertThat(listed).extracting(item -> item.get("id")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        for (int k = 0; k < 3; k++) {
            int i = 2 - k;
            var groups = (List<Map<String, Object>>) listed.get(k).get("param_groups");
            var g0 = (List<Map<String, Object>>) groups.get(0).get("params");
            var g1 = (List<Map<String, Object>>) groups.get(1).get("params");
            assertThat(g0).extracting(p -> p.get("data")).containsExactly("s" + i + " g0 p0", "s" + i + " g0 p1");
            assertThat(g0).allSatisfy(p -> assertThat((List<?>) p.get("grad")).isEmpty());
            assertThat(g1).extracting(p -> p.get("data")).containsExactly("s" + i + " g1 p0");
            assertThat((List<Map<String, Object>>) g1.get(0).get("grad")).extracting(g -> g.get("data"))
                    .containsExactly("s" + i + " first", "s" + i + " second");
        }
    }

    @Test
    void healthStaysOpenTheRestOfActuatorNeedsAKey() throws Exception {
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", "key-b-456", null).statusCode()).isEqualTo(200);
    }

    @Test
    void healthShowsItsDetailsOnlyToACallerWithAKey() throws Exception {
        var open = send("GET", "/actuator/health", null, null);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).as("which parts are up, for probes and load balancers").contains("\"db\"", "\"diskSpace\"")
                .as("but not the database, the working directory or the disk").doesNotContain("\"details\"", "\"path\"", "\"free\"");
        var readiness = send("GET", "/actuator/health/readiness", null, null);
        assertThat(readiness.body()).contains("\"db\"").doesNotContain("\"details\"");
        var withKey = send("GET", "/actuator/health", "key-b-456", null);
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(withKey.body()).contains("\"details\"", "\"free\"");
    }
}
