package dev.textopt.adapter.web;

import dev.textopt.session.NewWebhook;
import dev.textopt.session.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's webhooks: session events POSTed, signed, to its endpoints, with a log of each delivery. */
@RestController
@RequestMapping(path = "/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "events")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @AnswerShowsWebhookSecret
    @Operation(operationId = "createWebhook", summary = "Register an endpoint for the tenant's session events",
            description = "Every event of the tenant's sessions that the webhook names is POSTed to its URL at least once (the "
                    + "body an Event, the headers webhook-id, webhook-timestamp and webhook-signature of Standard Webhooks), "
                    + "from an outbox in the database that survives restarts; a receiver that does not answer 2xx within "
                    + "textopt.webhooks.timeout is tried again with exponential backoff for a day. The URL passes the same "
                    + "allow-list and SSRF guard as closures (400 otherwise). The answer shows the secret, this once (and to a replay "
                    + "with the same Idempotency-Key); it is derived from the webhook's id and the server's "
                    + "textopt.webhooks.signing-key, never stored. Without that key: 503 webhooks-not-configured.")
    @ApiResponse(responseCode = "201", description = "Created, with its secret",
            headers = @Header(name = "Location", description = "the webhook", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = WebhookJson.class)))
    ResponseEntity<WebhookJson> create(@RequestBody WebhookRequest body) {
        var created = webhooks.create(NewWebhook.of(body.url(), body.events(), body.description()));
        return ResponseEntity.created(URI.create("/v1/webhooks/" + created.webhook().id()))
                .body(WebhookJson.of(created.webhook(), created.secret()));
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "The tenant's webhooks, newest first (without their secrets)")
    PageJson<WebhookJson> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParams.check(page, size);
        var found = webhooks.list(page, size);
        return PageJson.of(found.items(), w -> WebhookJson.of(w, null), page, size, found.total());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook (without its secret)")
    WebhookJson get(@PathVariable UUID id) {
        return WebhookJson.of(webhooks.get(id), null);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its deliveries; nothing more is sent to it")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The webhook's delivery log, newest event first")
    PageJson<WebhookDeliveryJson> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParams.check(page, size);
        var found = webhooks.deliveries(id, page, size);
        return PageJson.of(found.items(), WebhookDeliveryJson::of, page, size, found.total());
    }
}
