package dev.textopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.Browser;
import dev.textopt.support.PostgresTest;
import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With API keys on, the web view asks for a key once (Spring Security's form login), keeps only the
 * tenant in its session, shows only that tenant's sessions, and refuses form posts without the page's
 * CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "textopt.security.api-keys=tenant-a:key-a-123456,tenant-b:key-b-654321")
class UiSignInTest extends PostgresTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Browser browser;

    @BeforeEach
    void client() {
        api = new Api(port);
        browser = new Browser();
    }

    String create(String key, String data) {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", data, "role", "prompt"))),
                "Authorization", "Bearer " + key);
        assertThat(created.status()).isEqualTo(201);
        return created.at("id");
    }

    long signedInSessions() {
        return jdbc.queryForObject("SELECT count(*) FROM spring_session", Long.class);
    }

    @Test
    void withoutSigningInEveryPageLeadsToTheLoginFormButItsAssetsLoadAndNothingIsStored() {
        long before = signedInSessions();
        var list = browser.get(port, "/ui");
        assertThat(list.statusCode()).isEqualTo(302);
        assertThat(list.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login");
        assertThat(browser.get(port, "/ui/sessions/" + create("key-a-123456", "Mine.")).statusCode()).isEqualTo(302);
        assertThat(browser.get(port, "/ui/fragments/sessions").statusCode()).isEqualTo(302);
        var form = browser.get(port, "/ui/login");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"key\"").contains("type=\"password\"").contains("name=\"_csrf\"");
        assertThat(browser.get(port, "/ui/assets/ui.css").statusCode()).isEqualTo(200);
        assertThat(browser.get(port, "/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(browser.get(port, "/webjars/uplot/dist/uPlot.iife.min.js").statusCode()).isEqualTo(200);
        assertThat(signedInSessions()).as("visitors who did not sign in leave no session behind").isEqualTo(before);
    }

    @Test
    void anHtmxRequestWithoutSigningInIsToldWhereToSignIn() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/ui/fragments/sessions")).header("HX-Request", "true")
                .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/ui/login");
    }

    @Test
    void aWrongKeyIsRefusedWithoutEchoingIt() {
        var response = browser.signIn(port, "not-the-key-42");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login?error");
        var page = browser.get(port, "/ui/login?error");
        assertThat(page.body()).contains("not valid").doesNotContain("not-the-key-42");
        assertThat(browser.get(port, "/ui").statusCode()).isEqualTo(302);
    }

    @Test
    void aSignInWithoutTheFormsCsrfTokenIsRefused() {
        var response = browser.postRaw(port, "/ui/login", "key=key-a-123456");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get(port, "/ui").statusCode()).isEqualTo(302);
    }

    @Test
    void aSignedInTenantSeesOnlyItsOwnSessionsUntilItSignsOut() {
        String mine = create("key-a-123456", "Tenant A prompt.");
        String theirs = create("key-b-654321", "Tenant B prompt.");
        var signedIn = browser.signIn(port, "key-a-123456");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/ui");
        HttpCookie cookie = browser.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("TEXTOPT_UI")).findFirst().orElseThrow();
        assertThat(cookie.getPath()).isEqualTo("/ui");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("TEXTOPT_UI=")
                .contains("SameSite=Strict").doesNotContain("key-a-123456"));

        assertThat(jdbc.queryForList("SELECT principal_name FROM spring_session WHERE principal_name IS NOT NULL", String.class))
                .as("the stored sign-in names the tenant").contains("tenant-a");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session_attributes "
                + "WHERE position(convert_to('key-a-123456', 'UTF8') in attribute_bytes) > 0", Long.class))
                .as("stored sign-ins holding the key").isZero();

        var list = browser.get(port, "/ui");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(mine).doesNotContain(theirs).doesNotContain("key-a-123456");
        assertThat(list.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(list.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(browser.get(port, "/ui/sessions/" + mine).statusCode()).isEqualTo(200);
        assertThat(browser.get(port, "/ui/sessions/" + theirs).statusCode()).isEqualTo(404);
        assertThat(browser.get(port, "/ui/sessions/" + theirs + "/state-dict.json").statusCode()).isEqualTo(404);
        browser.get(port, "/ui/sessions/" + mine);
        assertThat(browser.post(port, "/ui/sessions/" + theirs + "/restore", "entry=0").statusCode()).isEqualTo(404);
        assertThat(browser.postRaw(port, "/ui/sessions/" + mine + "/clear-grad", "").statusCode())
                .as("a post without the page's CSRF token").isEqualTo(403);

        browser.get(port, "/ui");
        var out = browser.post(port, "/ui/logout", "");
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/ui/login?logout");
        assertThat(browser.get(port, "/ui").statusCode()).isEqualTo(302);
    }
}
