package dev.textopt.adapter.web;

import dev.textopt.session.SessionEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A session event as a stream's {@code data:} carries it, in the shape of a Standard Webhooks payload
 * ({@code type}, {@code timestamp}, {@code data}) with the event's id and its session.
 */
@Schema(description = "A session event: the data of one Server-Sent Event of GET …/events, and the body of a webhook delivery")
record EventJson(
        @Schema(description = "the event's id, also the SSE id that Last-Event-ID resumes after", example = "42") long id,
        @Schema(description = "step.started, step.progress, step.succeeded, step.failed, run.started, run.progress, "
                + "run.succeeded, run.failed or run.cancelled", example = "step.progress") String type,
        @Schema(description = "when it happened") Instant timestamp,
        @Schema(description = "the session") UUID sessionId,
        @Schema(description = "what happened: step (the history number) with total and done, or run_id with done and total; "
                + "see docs/events.md") Map<String, Object> data) {

    EventJson {
        Objects.requireNonNull(type, "type");
        data = data == null ? Map.of() : data; // not copied: a value may be null (a closure failure has no param_id)
    }

    static EventJson of(SessionEvent event) {
        return new EventJson(event.id(), event.type(), event.createdAt(), event.sessionId(), event.data());
    }
}
