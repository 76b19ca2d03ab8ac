package dev.textopt.adapter.web;

import dev.textopt.session.RunService;
import dev.textopt.session.StoredRun;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Training runs: a job that trains the session on a dataset, polled until it ends. */
@RestController
@RequestMapping(path = "/v1/optimizers/{id}/runs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "runs", description = "Training runs: forward, evaluate, backward and step over a dataset, durable across crashes")
class RunController {

    private final RunService runs;

    RunController(RunService runs) {
        this.runs = runs;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @Operation(operationId = "createRun", summary = "Train the session on a dataset (afnio's Trainer); poll the run at Location",
            description = "Every batch goes forward → evaluate → backward → step → clear_grad through the same operations as "
                    + "their single requests; the validation set is scored before the first step and after every epoch (or "
                    + "step). One run per session at a time: a second, or a step, edit, restore or import by hand, is 409 "
                    + "run-active until it ends. Its progress is stored after every step; if its instance dies, another "
                    + "takes it over and goes on from the last completed step.")
    @ApiResponse(responseCode = "202", description = "Queued; the run starts at once",
            headers = @Header(name = "Location", description = "the run", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = RunJson.class)))
    ResponseEntity<RunJson> create(@PathVariable UUID id, @RequestBody RunRequestJson body) {
        StoredRun run = runs.create(id, RunRequests.of(body));
        return ResponseEntity.accepted().location(URI.create(location(id, run))).body(RunJson.of(run));
    }

    @GetMapping
    @Operation(operationId = "listRuns", summary = "The session's training runs, newest first")
    PageJson<RunJson> list(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParams.check(page, size);
        var found = runs.list(id, page, size);
        return PageJson.of(found.items(), RunJson::of, page, size, found.total());
    }

    @GetMapping("/{runId}")
    @Operation(operationId = "getRun", summary = "One training run: its progress, scores and end")
    RunJson get(@PathVariable UUID id, @PathVariable UUID runId) {
        return RunJson.of(runs.get(id, runId));
    }

    @PostMapping("/{runId}/cancel")
    @AnswerWithEffect
    @Operation(operationId = "cancelRun", summary = "Stop a training run after the call in flight",
            description = "A queued run is cancelled at once (200); a running one stops after its model call in flight (202: "
                    + "poll it until its status is cancelled). A run that has ended is answered as it is (200).")
    @ApiResponse(responseCode = "200", description = "The run has ended", content = @Content(schema = @Schema(implementation = RunJson.class)))
    @ApiResponse(responseCode = "202", description = "The run stops after the call in flight",
            headers = @Header(name = "Location", description = "the run", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = RunJson.class)))
    ResponseEntity<RunJson> cancel(@PathVariable UUID id, @PathVariable UUID runId) {
        StoredRun run = runs.cancel(id, runId);
        return run.status().active() ? ResponseEntity.accepted().location(URI.create(location(id, run))).body(RunJson.of(run))
                : ResponseEntity.ok(RunJson.of(run));
    }

    private static String location(UUID id, StoredRun run) {
        return "/v1/optimizers/" + id + "/runs/" + run.id();
    }
}
