package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;

/** POST /v1/webhooks: where to deliver which events. Checked by the session layer's {@code NewWebhook}. */
@Schema(description = "A webhook to register", example = """
        {"url": "https://hooks.example.com/textopt", "events": ["step.succeeded", "step.failed", "run.succeeded"],
         "description": "tell the team's chat when a run ends"}""")
record WebhookRequest(
        @Schema(description = "An http(s) URL whose host the operator allowed (textopt.closure.allowed-hosts), as for closures")
        String url,
        @ArraySchema(arraySchema = @Schema(description = "The events to deliver, at least one"), schema = @Schema(allowableValues = {
            "step.started", "step.progress", "step.succeeded", "step.failed", "run.started", "run.progress", "run.succeeded",
            "run.failed", "run.cancelled"}))
        List<String> events,
        @Schema(description = "For people; at most 500 characters") @Nullable String description) {
}
