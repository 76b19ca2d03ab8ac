package dev.textopt.adapter.web;

import dev.textopt.session.BadRequestException;
import dev.textopt.session.Budget;
import dev.textopt.session.CreateSession;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.ParamPatch;
import dev.textopt.session.StoredParam;
import dev.textopt.session.StoredSession;
import dev.textopt.session.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sessions, their parameters, gradients and usage; param groups are {@link ParamGroupController}'s. */
@RestController
@RequestMapping(path = "/v1/optimizers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sessions", description = "Optimizer sessions: create, read, edit, feed gradients")
class OptimizerController {

    private final OptimizerSessions sessions;
    private final RecentReads<SessionJson> sessionReads = new RecentReads<>();
    private final RecentReads<ParameterJson> paramReads = new RecentReads<>();

    OptimizerController(OptimizerSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @AnswerWithETag
    @Operation(operationId = "createOptimizer", summary = "Create a session (afnio: TGD(params, **defaults))")
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location",
            description = "The new session", schema = @Schema(type = "string")))
    ResponseEntity<SessionJson> create(@RequestBody CreateRequest request) {
        var reader = new RequestReader();
        var groups = reader.groups(request.params());
        reader.check();
        var defaults = request.defaults() == null ? null : request.defaults().tree();
        StoredSession session = sessions.create(new CreateSession(request.optimizer(), groups, defaults, budget(request.budget())));
        return ResponseEntity.created(URI.create("/v1/optimizers/" + session.id())).eTag(Conditional.etag(session.version()))
                .body(SessionJson.of(session));
    }

    private static Budget budget(CreateRequest.BudgetRequest request) {
        if (request == null) {
            return null;
        }
        if (request.amount() == null) {
            throw new BadRequestException("budget.amount", "budget.amount is required, e.g. {\"amount\": 5.0, \"currency\": \"USD\"}");
        }
        return new Budget(request.amount(), request.currency());
    }

    @GetMapping
    @Operation(operationId = "listOptimizers", summary = "List sessions, newest first")
    PageJson<SessionJson> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParams.check(page, size);
        var found = sessions.list(page, size);
        return PageJson.of(found.items(), SessionJson::of, page, size, found.total());
    }

    @GetMapping("/{id}")
    @AnswerWithETag
    @Operation(operationId = "getOptimizer", summary = "One session with its groups, parameters, grads and usage")
    ResponseEntity<SessionJson> get(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return sessionReads.read(new RecentReads.Key(id, null), () -> sessions.version(id), () -> {
            StoredSession session = sessions.get(id);
            return new Versioned<>(SessionJson.of(session), session.version());
        }, ifMatch, ifNoneMatch);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteOptimizer", summary = "Delete a session and everything it owns")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        sessions.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/params/{paramId}")
    @AnswerWithETag
    @Operation(operationId = "getParam", summary = "One parameter with its grad")
    ResponseEntity<ParameterJson> param(@PathVariable UUID id, @PathVariable UUID paramId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return paramReads.read(new RecentReads.Key(id, paramId), () -> sessions.version(id, paramId), () -> {
            Versioned<StoredParam> param = sessions.param(id, paramId);
            return new Versioned<>(ParameterJson.of(param.value()), param.version());
        }, ifMatch, ifNoneMatch);
    }

    @PatchMapping(path = "/{id}/params/{paramId}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @AnswerWithETag
    @Operation(operationId = "patchParam", summary = "Edit a parameter's data, role or requires_grad by hand")
    ResponseEntity<ParameterJson> patch(@PathVariable UUID id, @PathVariable UUID paramId, @RequestBody PatchRequest patch,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var edited = sessions.patchParam(id, paramId, new ParamPatch(patch.data(), patch.role(), patch.requiresGrad()),
                Conditional.expected(ifMatch));
        return Conditional.ok(ParameterJson.of(edited.value()), edited.version());
    }

    @PostMapping(path = "/{id}/params/{paramId}/grad", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @AnswerWithETag
    @Operation(operationId = "appendGrad", summary = "Append gradients: one Variable or a list")
    ResponseEntity<ParameterJson> appendGrad(@PathVariable UUID id, @PathVariable UUID paramId, @RequestBody GradRequest body) {
        var reader = new RequestReader();
        var grads = reader.gradients(body);
        reader.check();
        var param = sessions.appendGrads(id, paramId, grads);
        return Conditional.ok(ParameterJson.of(param.value()), param.version());
    }

    @PostMapping("/{id}/clear-grad")
    @AnswerWithEffect
    @AnswerWithETag
    @Operation(operationId = "clearGrad", summary = "Empty every parameter's grad")
    ResponseEntity<SessionJson> clearGrad(@PathVariable UUID id) {
        StoredSession session = sessions.clearGrad(id);
        return Conditional.ok(SessionJson.of(session), session.version());
    }

    @PostMapping("/{id}/usage/clear")
    @AnswerWithEffect
    @AnswerWithETag
    @Operation(operationId = "clearUsage", summary = "Set every model client's usage back to zero (afnio: clear_usage)",
            description = "Tokens and cost of every model client of the session go back to 0 (a cost that was unknown, "
                    + "null, is known again: 0 USD). The budget's spent amount is NOT reset: it counts every model call "
                    + "the session ever paid for, so clearing usage never frees budget. Allowed while a step runs; that "
                    + "step's usage is added when it ends. Not recorded in the history.")
    ResponseEntity<SessionJson> clearUsage(@PathVariable UUID id) {
        StoredSession session = sessions.clearUsage(id);
        return Conditional.ok(SessionJson.of(session), session.version());
    }
}
