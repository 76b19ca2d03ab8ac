package dev.textopt.adapter.web;

import dev.textopt.session.BadRequestException;
import dev.textopt.session.SessionEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A session's events as they happen, as Server-Sent Events. */
@RestController
@Tag(name = "events", description = "Live progress of steps and training runs: Server-Sent Events and webhooks")
class EventController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final SessionEvents events;
    private final EventStreams streams;

    EventController(SessionEvents events, EventStreams streams) {
        this.events = events;
        this.streams = streams;
    }

    @GetMapping(path = "/v1/optimizers/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamEvents", summary = "Follow the session's steps and training runs as Server-Sent Events",
            description = "Each event has an id, a name (step.started, step.progress, step.succeeded, step.failed, run.started, "
                    + "run.progress, run.succeeded, run.failed, run.cancelled) and an Event as its data. Without Last-Event-ID the "
                    + "stream starts with the next event; with it, after that id (0: every event kept, textopt.events.retention). "
                    + "A comment every textopt.events.heartbeat keeps proxies from closing it; it ends after "
                    + "textopt.events.max-stream-duration, or when the instance stops: reconnect with Last-Event-ID (EventSource "
                    + "does). A tenant holds at most textopt.events.max-streams-per-tenant streams per instance (429 beyond).")
    @ApiResponse(responseCode = "200", description = "The stream: `id: 42`, `event: step.progress`, `data: {Event}`, a blank line, …",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
                    example = "id: 42\nevent: step.progress\ndata: {\"id\":42,\"type\":\"step.progress\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                            + "\"session_id\":\"6f1c2d1e-0000-4000-8000-000000000001\",\"data\":{\"step\":3,\"done\":1,\"total\":2}}\n\n")))
    SseEmitter stream(@PathVariable UUID id, @Parameter(description = "resume after this event id (0: from the oldest kept)")
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId) {
        long after = lastEventId == null ? -1 : parse(lastEventId);
        SessionEvents.Subscription subscription = events.subscribe(id);
        try {
            return streams.open(subscription, after < 0 ? events.latest(id) : after);
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    private static long parse(String lastEventId) {
        try {
            long after = Long.parseLong(lastEventId.trim());
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(LAST_EVENT_ID, "Last-Event-ID must be the id of an event (a whole number ≥ 0), not \"" + lastEventId + "\"");
    }
}
