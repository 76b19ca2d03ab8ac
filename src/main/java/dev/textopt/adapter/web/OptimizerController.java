package dev.textopt.adapter.web;

import dev.textopt.session.BadRequestException;
import dev.textopt.session.Budget;
import dev.textopt.session.CreateSession;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.ParamPatch;
import dev.textopt.session.StoredSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sessions, their param groups, parameters and gradients. */
@RestController
@RequestMapping(path = "/v1/optimizers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sessions", description = "Optimizer sessions: create, read, edit, feed gradients")
class OptimizerController {

    private final OptimizerSessions sessions;

    OptimizerController(OptimizerSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @Operation(operationId = "createOptimizer", summary = "Create a session (afnio: TGD(params, **defaults))")
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location",
            description = "The new session", schema = @Schema(type = "string")))
    ResponseEntity<SessionJson> create(@RequestBody CreateRequest request) {
        var reader = new RequestReader();
        var groups = reader.groups(request.params());
        reader.check();
        var defaults = request.defaults() == null ? null : request.defaults().tree();
        StoredSession session = sessions.create(new CreateSession(request.optimizer(), groups, defaults, budget(request.budget())));
        return ResponseEntity.created(URI.create("/v1/optimizers/" + session.id())).body(SessionJson.of(session));
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
    @Operation(operationId = "getOptimizer", summary = "One session with its groups, parameters, grads and usage")
    SessionJson get(@PathVariable UUID id) {
        return SessionJson.of(sessions.get(id));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteOptimizer", summary = "Delete a session and everything it owns")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        sessions.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/param-groups", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @Operation(operationId = "addParamGroup", summary = "add_param_group: options left out come from the session's defaults",
            description = "Each Variable becomes a new parameter, even one with the data and role of another (afnio: a new "
                    + "Variable is a new parameter). A parameter the session has, named by {\"id\"}, is in a group already: "
                    + "that is a 400 naming it, as torch refuses a parameter in two groups, and so is an id the session "
                    + "does not have.")
    @ApiResponse(responseCode = "201", description = "The group as stored")
    ResponseEntity<ParamGroupJson> addParamGroup(@PathVariable UUID id, @RequestBody AddParamGroupRequest body) {
        var reader = new RequestReader();
        var group = reader.group(body);
        reader.check();
        return ResponseEntity.status(201).body(ParamGroupJson.of(sessions.addParamGroup(id, group)));
    }

    @GetMapping("/{id}/params/{paramId}")
    @Operation(operationId = "getParam", summary = "One parameter with its grad")
    ParameterJson param(@PathVariable UUID id, @PathVariable UUID paramId) {
        return ParameterJson.of(sessions.param(id, paramId));
    }

    @PatchMapping(path = "/{id}/params/{paramId}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "patchParam", summary = "Edit a parameter's data, role or requires_grad by hand")
    ParameterJson patch(@PathVariable UUID id, @PathVariable UUID paramId, @RequestBody PatchRequest patch) {
        return ParameterJson.of(sessions.patchParam(id, paramId, new ParamPatch(patch.data(), patch.role(), patch.requiresGrad())));
    }

    @PostMapping(path = "/{id}/params/{paramId}/grad", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @Operation(operationId = "appendGrad", summary = "Append gradients: one Variable or a list")
    ParameterJson appendGrad(@PathVariable UUID id, @PathVariable UUID paramId, @RequestBody GradRequest body) {
        var reader = new RequestReader();
        var grads = reader.gradients(body);
        reader.check();
        return ParameterJson.of(sessions.appendGrads(id, paramId, grads));
    }

    @PostMapping("/{id}/clear-grad")
    @AnswerWithEffect
    @Operation(operationId = "clearGrad", summary = "Empty every parameter's grad")
    SessionJson clearGrad(@PathVariable UUID id) {
        return SessionJson.of(sessions.clearGrad(id));
    }
}
