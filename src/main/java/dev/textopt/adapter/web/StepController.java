package dev.textopt.adapter.web;

import dev.textopt.optim.ParamOutcome;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.RestoreService;
import dev.textopt.session.StepOutcome;
import dev.textopt.session.StepParamRecord;
import dev.textopt.session.StepRecord;
import dev.textopt.session.StepService;
import dev.textopt.session.StepStart;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

    record ClosureRequest(String url) {
    }

    record StepRequest(ClosureRequest closure) {
    }

    @PostMapping("/step")
    @Operation(operationId = "step", summary = "One optimization step: every parameter with grads is rewritten by the model",
            description = "With `Prefer: respond-async` the step starts and the answer is 202 with a Location of its "
                    + "history entry, which shows `running` with progress, then the result.")
    ResponseEntity<Map<String, Object>> step(@PathVariable UUID id, @RequestBody(required = false) StepRequest request,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            @Parameter(hidden = true) @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String idempotencyKey) {
        String closureUrl = request == null || request.closure() == null ? null : request.closure().url();
        if (request != null && request.closure() != null && closureUrl == null) {
            throw new dev.textopt.session.BadRequestException("closure.url", "closure.url is required when closure is given");
        }
        // The key goes with the step onto its history entry: a retry after a crash finds the step by it.
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            StepStart start = steps.stepAsync(id, closureUrl, idempotencyKey);
            String location = "/v1/optimizers/" + id + "/steps/" + start.number();
            return replayed(ResponseEntity.accepted().location(URI.create(location)).header("Preference-Applied", "respond-async"),
                    start.replayed()).body(Map.of("step", start.number(), "status", start.status().name().toLowerCase(Locale.ROOT),
                            "location", location));
        }
        StepOutcome outcome = steps.step(id, closureUrl, idempotencyKey);
        return replayed(ResponseEntity.ok(), outcome.replayed()).body(outcome(outcome));
    }

    private static ResponseEntity.BodyBuilder replayed(ResponseEntity.BodyBuilder answer, boolean replayed) {
        return replayed ? answer.header(IdempotencyFilter.REPLAYED, "true") : answer;
    }

    @GetMapping("/steps")
    @Operation(operationId = "listSteps", summary = "The history, newest first: steps, restores and hand edits")
    Map<String, Object> history(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        PageParams.check(page, size);
        var found = sessions.history(id, page, size);
        return Json.page(found.items().stream().map(StepController::entry).toList(), page, size, found.total());
    }

    @GetMapping("/steps/{number}")
    @Operation(operationId = "getStep", summary = "One history entry")
    Map<String, Object> entry(@PathVariable UUID id, @PathVariable int number) {
        return entry(sessions.historyEntry(id, number));
    }

    @PostMapping("/steps/{number}/restore")
    @AnswerWithEffect
    @Operation(operationId = "restoreStep", summary = "Set every parameter to its value after entry n (0: at creation)")
    Map<String, Object> restore(@PathVariable UUID id, @PathVariable int number) {
        return Json.session(restores.restore(id, number));
    }

    static Map<String, Object> outcome(StepOutcome outcome) {
        var map = new LinkedHashMap<String, Object>();
        map.put("step", outcome.step());
        map.put("loss", Json.loss(outcome.loss()));
        map.put("params", outcome.params().stream().map(StepController::param).toList());
        map.put("usage", Json.usage(outcome.usage()));
        map.put("duration_ms", outcome.durationMs());
        return map;
    }

    private static Map<String, Object> param(ParamOutcome outcome) {
        var map = new LinkedHashMap<String, Object>();
        if (outcome instanceof ParamOutcome.Updated updated) {
            map.put("id", updated.id());
            map.put("status", "updated");
            map.put("previous_data", updated.previousData());
            map.put("data", updated.data());
        } else if (outcome instanceof ParamOutcome.Skipped skipped) {
            map.put("id", skipped.id());
            map.put("status", "skipped");
            map.put("reason", skipped.reason());
        }
        return map;
    }

    static Map<String, Object> entry(StepRecord r) {
        var map = new LinkedHashMap<String, Object>();
        map.put("step", r.number());
        map.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
        map.put("status", r.status().name().toLowerCase(Locale.ROOT));
        map.put("started_at", r.startedAt().toString());
        map.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
        map.put("duration_ms", r.durationMs());
        map.put("progress", Map.of("done", r.paramsDone(), "total", r.paramsTotal()));
        if (r.restoredTo() != null) {
            map.put("restored_to", r.restoredTo());
        }
        map.put("loss", Json.loss(r.loss()));
        map.put("params", r.params().stream().map(StepController::entryParam).toList());
        map.put("usage", Json.usage(r.usage()));
        map.put("failures", r.failures().stream().map(Json::failure).toList());
        return map;
    }

    private static Map<String, Object> entryParam(StepParamRecord p) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", p.paramId().toString());
        map.put("status", p.status());
        map.put("reason", p.reason());
        map.put("previous_data", p.previousData());
        map.put("data", p.data());
        map.put("grads", p.grads().stream().map(Json::gradient).toList());
        return map;
    }
}
