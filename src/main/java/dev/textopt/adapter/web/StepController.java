package dev.textopt.adapter.web;

import dev.textopt.session.BadRequestException;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.RestoreService;
import dev.textopt.session.StepOutcome;
import dev.textopt.session.StepService;
import dev.textopt.session.StepStart;
import dev.textopt.session.StoredSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Steps, the step history, and restoring an earlier entry. */
@RestController
@RequestMapping(path = "/v1/optimizers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "steps", description = "Optimization steps and their history")
class StepController {

    private final StepService steps;
    private final OptimizerSessions sessions;
    private final RestoreService restores;

    StepController(StepService steps, OptimizerSessions sessions, RestoreService restores) {
        this.steps = steps;
        this.sessions = sessions;
        this.restores = restores;
    }

    @PostMapping("/step")
    @Operation(operationId = "step", summary = "One optimization step: every parameter with grads is rewritten by the model",
            description = "With `Prefer: respond-async` the step starts and the answer is 202 with a Location of its "
                    + "history entry, which shows `running` with progress, then the result.")
    @ApiResponse(responseCode = "200", description = "The step succeeded",
            content = @Content(schema = @Schema(implementation = StepResultJson.class)))
    @ApiResponse(responseCode = "202", description = "Accepted (Prefer: respond-async): poll the history entry at Location",
            headers = {@Header(name = "Location", description = "the step's history entry", schema = @Schema(type = "string")),
                @Header(name = "Preference-Applied", schema = @Schema(type = "string", example = "respond-async"))},
            content = @Content(schema = @Schema(implementation = StepResultJson.StepAcceptedJson.class)))
    ResponseEntity<Object> step(@PathVariable UUID id, @RequestBody(required = false) StepRequest request,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(hidden = true) @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String idempotencyKey) {
        String closureUrl = request == null || request.closure() == null ? null : request.closure().url();
        if (request != null && request.closure() != null && closureUrl == null) {
            throw new BadRequestException("closure.url", "closure.url is required when closure is given");
        }
        // The key goes with the step onto its history entry: a retry after a crash finds the step by it.
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            StepStart start = steps.stepAsync(id, closureUrl, idempotencyKey);
            String location = "/v1/optimizers/" + id + "/steps/" + start.number();
            return replayed(ResponseEntity.accepted().location(URI.create(location)).header("Preference-Applied", "respond-async"),
                    start.replayed()).body(new StepResultJson.StepAcceptedJson(start.number(),
                            start.status().name().toLowerCase(Locale.ROOT), location));
        }
        StepOutcome outcome = steps.step(id, closureUrl, idempotencyKey);
        return replayed(ResponseEntity.ok(), outcome.replayed()).body(StepResultJson.of(outcome));
    }

    private static ResponseEntity.BodyBuilder replayed(ResponseEntity.BodyBuilder answer, boolean replayed) {
        return replayed ? answer.header(IdempotencyFilter.REPLAYED, "true") : answer;
    }

    @GetMapping("/steps")
    @Operation(operationId = "listSteps", summary = "The history, newest first: steps, restores and hand edits")
    PageJson<HistoryEntryJson> history(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParams.check(page, size);
        var found = sessions.history(id, page, size);
        return PageJson.of(found.items(), HistoryEntryJson::of, page, size, found.total());
    }

    @GetMapping("/steps/{number}")
    @AnswerWithETag
    @Operation(operationId = "getStep", summary = "One history entry")
    ResponseEntity<HistoryEntryJson> entry(@PathVariable UUID id, @PathVariable int number,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        HistoryEntryJson entry = HistoryEntryJson.of(sessions.historyEntry(id, number));
        return Conditional.read(entry, entry.etag(), ifMatch, ifNoneMatch);
    }

    @PostMapping("/steps/{number}/restore")
    @AnswerWithEffect
    @AnswerWithETag
    @Operation(operationId = "restoreStep", summary = "Set every parameter to its value after entry n (0: at creation)")
    ResponseEntity<SessionJson> restore(@PathVariable UUID id, @PathVariable int number,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        StoredSession session = restores.restore(id, number, Conditional.expected(ifMatch));
        return Conditional.ok(SessionJson.of(session), session.version());
    }
}
