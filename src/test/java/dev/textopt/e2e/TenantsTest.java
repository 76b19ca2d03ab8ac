package dev.textopt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.PostgresTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With API keys on, every request needs one, and a tenant sees only its own sessions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "textopt.security.api-keys=tenant-a:key-a-123,tenant-b:key-b-456,tenant-c:key-c-789")
class TenantsTest extends PostgresTest {

    @LocalServerPort
    int port;

    private Api.Response send(String method, String path, String key, Object body) {
        return new Api(port, key).send(method, path, body == null ? null : Api.json(body), "application/json");
    }

    private String create(String key) {
        var response = send("POST", "/v1/optimizers", key, Map.of("params", List.of(Map.of("data", "Mine.", "role", "prompt"))));
        assertThat(response.status()).isEqualTo(201);
        return response.at("id");
    }

    @Test
    void noKeyOrAWrongKeyIs401WithWwwAuthenticate() {
        for (String key : new String[] {null, "not-a-key"}) {
            var response = send("GET", "/v1/optimizers", key, null);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(response.raw()).doesNotContain("key-a-123");
        }
    }

    @Test
    void anotherTenantsSessionIs404AndNotListed() {
        String mine = create("key-a-123");
        assertThat(send("GET", "/v1/optimizers/" + mine, "key-a-123", null).status()).isEqualTo(200);
        assertThat(send("GET", "/v1/optimizers/" + mine + "/state-dict", "key-a-123", null).status()).isEqualTo(200);
        for (String read : List.of("", "/state-dict")) {   // answers the service keeps for reads of what did not change are the owner's only
            assertThat(send("GET", "/v1/optimizers/" + mine + read, "key-b-456", null).status()).as(read).isEqualTo(404);
        }
        assertThat(send("DELETE", "/v1/optimizers/" + mine, "key-b-456", null).status()).isEqualTo(404);
        assertThat(send("POST", "/v1/optimizers/" + mine + "/clear-grad", "key-b-456", null).status()).isEqualTo(404);
        assertThat(send("GET", "/v1/optimizers?size=200", "key-b-456", null).raw()).doesNotContain(mine);
        assertThat(send("GET", "/v1/optimizers?size=200", "key-a-123", null).raw()).contains(mine);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageOfSessionsIsNewestFirstEachWithItsOwnGroupsParamsAndGrads() {
        String key = "key-c-789";
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var body = Map.of("params", List.of(
                    Map.of("params", List.of(Map.of("data", "s" + i + " g0 p0", "role", "r"), Map.of("data", "s" + i + " g0 p1", "role", "r"))),
                    Map.of("params", List.of(Map.of("data", "s" + i + " g1 p0", "role", "r")))));
            var created = send("POST", "/v1/optimizers", key, body).json();
            ids.add((String) created.get("id"));
            var groups = (List<Map<String, Object>>) created.get("param_groups");
            String param = (String) ((List<Map<String, Object>>) groups.get(1).get("params")).get(0).get("id");
            assertThat(send("POST", "/v1/optimizers/" + created.get("id") + "/params/" + param + "/grad", key,
                    List.of(Map.of("data", "s" + i + " first"), Map.of("data", "s" + i + " second"))).status()).isEqualTo(200);
        }

        var first = (List<Map<String, Object>>) send("GET", "/v1/optimizers?page=0&size=2", key, null).json().get("items");
        var second = (List<Map<String, Object>>) send("GET", "/v1/optimizers?page=1&size=2", key, null).json().get("items");

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
    void healthStaysOpenTheRestOfActuatorNeedsAKey() {
        assertThat(send("GET", "/actuator/health", null, null).status()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/readiness", null, null).status()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null, null).status()).isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", "key-b-456", null).status()).isEqualTo(200);
    }

    @Test
    void healthShowsItsDetailsOnlyToACallerWithAKey() throws Exception {
        var open = send("GET", "/actuator/health", null, null);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.raw()).as("which parts are up, for probes and load balancers").contains("\"db\"", "\"diskSpace\"")
                .as("but not the database, the working directory or the disk").doesNotContain("\"details\"", "\"path\"", "\"free\"");
        var readiness = send("GET", "/actuator/health/readiness", null, null);
        assertThat(readiness.raw()).contains("\"db\"").doesNotContain("\"details\"");
        var withKey = send("GET", "/actuator/health", "key-b-456", null);
        assertThat(withKey.status()).isEqualTo(200);
        assertThat(withKey.raw()).contains("\"details\"", "\"free\"");
    }
}
