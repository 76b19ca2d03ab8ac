package dev.textopt.adapter.closure;

import dev.textopt.session.SendWebhookPort;
import dev.textopt.session.WebhookSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A webhook delivery: the signed body POSTed as it is, no redirect followed (it could lead past the
 * allow-list), a time limit on connecting and answering; the answer's body is not read, only its status.
 */
@Component
class WebhookPost implements SendWebhookPort {

    private final HttpClient http;
    private final WebhookSettings settings;

    WebhookPost(WebhookSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.timeout()).build();
    }

    @Override
    public int send(URI url, Map<String, String> headers, String body) {
        var request = HttpRequest.newBuilder(url).timeout(settings.timeout()).header("Content-Type", "application/json")
                .header("User-Agent", "textopt-webhooks").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw new SendFailedException("the receiver did not answer within " + settings.timeout());
        } catch (IOException e) {
            throw new SendFailedException("the receiver could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailedException("interrupted while delivering");
        }
    }
}
