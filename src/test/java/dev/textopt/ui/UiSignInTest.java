package dev.textopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.PostgresTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With API keys on, the web view asks for a key once, keeps only the tenant, and shows only its sessions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "textopt.security.api-keys=tenant-a:key-a-123456,tenant-b:key-b-654321")
class UiSignInTest extends PostgresTest {

    @LocalServerPort
    int port;

    Api api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form, String cookie) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    String create(String key, String data) {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", data, "role", "prompt"))),
                "Authorization", "Bearer " + key);
        assertThat(created.status()).isEqualTo(201);
        return created.at("id");
    }

    /** Signs in and returns the {@code name=value} of the session cookie. */
    String signIn(String key) throws Exception {
        var response = post("/ui/login", "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8), null);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/ui");
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("TEXTOPT_UI=").contains("Path=/ui").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(setCookie).doesNotContain(key);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void withoutSigningInEveryPageLeadsToTheLoginFormButItsAssetsLoad() throws Exception {
        var list = get("/ui", null);
        assertThat(list.statusCode()).isEqualTo(302);
        assertThat(list.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login");
        assertThat(get("/ui/sessions/" + create("key-a-123456", "Mine.") , null).statusCode()).isEqualTo(302);
        assertThat(post("/ui/sessions/" + create("key-a-123456", "Mine.") + "/clear-grad", "", null).statusCode()).isEqualTo(302);
        var form = get("/ui/login", null);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"key\"").contains("type=\"password\"");
        assertThat(get("/ui/assets/ui.css", null).statusCode()).isEqualTo(200);
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js", null).statusCode()).isEqualTo(200);
        assertThat(get("/webjars/uplot/dist/uPlot.iife.min.js", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongKeyIsRefusedWithoutEchoingIt() throws Exception {
        var response = post("/ui/login", "key=not-the-key-42", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("not valid").doesNotContain("not-the-key-42");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aSignedInTenantSeesOnlyItsOwnSessionsUntilItSignsOut() throws Exception {
        String mine = create("key-a-123456", "Tenant A prompt.");
        String theirs = create("key-b-654321", "Tenant B prompt.");
        String cookie = signIn("key-a-123456");

        var list = get("/ui", cookie);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(mine).doesNotContain(theirs).doesNotContain("key-a-123456");
        assertThat(get("/ui/sessions/" + mine, cookie).statusCode()).isEqualTo(200);
        assertThat(get("/ui/sessions/" + theirs, cookie).statusCode()).isEqualTo(404);
        assertThat(get("/ui/sessions/" + theirs + "/state-dict.json", cookie).statusCode()).isEqualTo(404);
        var restoreTheirs = post("/ui/sessions/" + theirs + "/restore", "entry=0", cookie);
        assertThat(restoreTheirs.statusCode()).isEqualTo(404);

        assertThat(post("/ui/logout", "", cookie).statusCode()).isEqualTo(302);
        assertThat(get("/ui", cookie).statusCode()).isEqualTo(302);
    }
}
