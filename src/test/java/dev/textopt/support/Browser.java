package dev.textopt.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a browser does for the web view, over real HTTP without one: keeps cookies (across instances on
 * localhost, as a browser does across ports), follows no redirects, and sends the CSRF token of the last
 * page it read with each form it posts.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private String csrf;

    public HttpResponse<String> get(int port, String path) {
        var response = send(HttpRequest.newBuilder(uri(port, path)).GET());
        var token = CSRF.matcher(response.body());
        if (token.find()) {
            csrf = token.group(1) != null ? token.group(1) : token.group(2);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page read (none if no page was read yet). */
    public HttpResponse<String> post(int port, String path, String form) {
        String body = csrf == null ? form : (form.isEmpty() ? "" : form + "&") + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return postRaw(port, path, body);
    }

    /** Posts a form exactly as given: no CSRF token unless the form has one. */
    public HttpResponse<String> postRaw(int port, String path, String form, String... headers) {
        var builder = HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** Reads the sign-in form (for its CSRF token) and signs in with {@code key}. */
    public HttpResponse<String> signIn(int port, String key) {
        get(port, "/ui/login");
        return post(port, "/ui/login", "key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    public CookieManager cookies() {
        return cookies;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
