package dev.textopt.adapter.web;

import dev.textopt.session.WebhookDelivery;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;

/** One event's delivery to a webhook, as the delivery log shows it. */
@Schema(description = "A delivery of one event to the webhook", example = """
        {"event_id": 42, "event_type": "step.succeeded", "attempts": 2, "last_status": 200, "last_error": null,
         "next_attempt_at": null, "delivered_at": "2026-01-01T10:00:07Z", "created_at": "2026-01-01T10:00:00Z"}""")
record WebhookDeliveryJson(
        @Schema(description = "The event's id (its webhook-id is evt_<event_id>)") long eventId,
        String eventType,
        @Schema(description = "Attempts so far, counting one in flight") int attempts,
        @Schema(description = "The status of the last answer; null: none came") @Nullable Integer lastStatus,
        @Schema(description = "Why the last attempt failed") @Nullable String lastError,
        @Schema(description = "When it is tried again; null once delivered or given up (a day after the event)") @Nullable Instant nextAttemptAt,
        @Nullable Instant deliveredAt,
        @Schema(description = "When the event happened") Instant createdAt) {

    static WebhookDeliveryJson of(WebhookDelivery d) {
        return new WebhookDeliveryJson(d.eventId(), d.eventType(), d.attempts(), d.lastStatus(), d.lastError(), d.nextAttemptAt(),
                d.deliveredAt(), d.createdAt());
    }
}
