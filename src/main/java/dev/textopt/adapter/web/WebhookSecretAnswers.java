package dev.textopt.adapter.web;

import dev.textopt.session.StoredAnswer;
import dev.textopt.session.WebhookService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to POST /v1/webhooks as an {@code Idempotency-Key} keeps it: without the secret (no secret reaches
 * the database), which a replay derives again from the webhook id in the kept answer. The master key may have
 * been rotated since: the replay then shows the new secret, the one deliveries are signed with now.
 */
@Component
class WebhookSecretAnswers {

    private static final String SECRET = "secret";

    private final HandlerLookup handlers;
    private final WebhookService webhooks;
    private final JsonMapper json;

    WebhookSecretAnswers(HandlerLookup handlers, WebhookService webhooks, JsonMapper json) {
        this.handlers = handlers;
        this.webhooks = webhooks;
        this.json = json;
    }

    boolean appliesTo(HttpServletRequest request) {
        return handlers.routesTo(request, AnswerShowsWebhookSecret.class);
    }

    /** The answer as kept: a created webhook without its secret; an error as it is. */
    StoredAnswer forKeeping(StoredAnswer answer) {
        if (!created(answer)) {
            return answer;
        }
        ObjectNode body = (ObjectNode) json.readTree(answer.body());
        body.remove(SECRET);
        return withBody(answer, body);
    }

    /** The kept answer as replayed: with the secret derived again; throws if the master key is gone. */
    StoredAnswer forReplay(StoredAnswer kept) {
        if (!created(kept)) {
            return kept;
        }
        ObjectNode body = (ObjectNode) json.readTree(kept.body());
        body.put(SECRET, webhooks.secretOf(UUID.fromString(body.get("id").asString())));
        return withBody(kept, body);
    }

    private static boolean created(StoredAnswer answer) {
        return answer.status() == 201 && answer.body() != null;
    }

    private StoredAnswer withBody(StoredAnswer answer, ObjectNode body) {
        return new StoredAnswer(answer.status(), answer.contentType(), answer.location(), json.writeValueAsBytes(body));
    }
}
