package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.textopt.session.EventType;
import dev.textopt.session.Webhook;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook; its secret only in the answer that created it. */
@Schema(description = "A webhook", example = """
        {"id": "5a0c3f9e-2b7d-4c1a-8e6f-0d9b1a2c3e4f", "url": "https://hooks.example.com/textopt",
         "events": ["step.succeeded", "run.succeeded"], "description": null, "created_at": "2026-01-01T10:00:00Z",
         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""")
record WebhookJson(
        UUID id,
        String url,
        List<String> events,
        @Nullable String description,
        Instant createdAt,
        @Schema(description = "Signs every delivery (Standard Webhooks: webhook-signature is v1,<base64 HMAC-SHA256 of "
                + "\"webhook-id.webhook-timestamp.body\" keyed with the base64-decoded part after whsec_>). Only in the answer "
                + "to POST /v1/webhooks (and its replay with the same Idempotency-Key): keep it")
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookJson of(Webhook webhook, String secret) {
        return new WebhookJson(webhook.id(), webhook.url().toString(), webhook.events().stream().map(EventType::wire).toList(),
                webhook.description(), webhook.createdAt(), secret);
    }
}
