package dev.textopt.adapter.web;

import dev.textopt.session.CreateSession;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.ParamPatch;
import dev.textopt.session.StoredSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
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

    record BudgetRequest(java.math.BigDecimal amount, String currency) {
    }

    record CreateRequest(String optimizer, Object params, Map<String, Object> defaults, BudgetRequest budget) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @Operation(operationId = "createOptimizer", summary = "Create a session (afnio: TGD(params, **defaults))")
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateRequest request) {
        var reader = new RequestReader();
        var groups = reader.groups(request.params(), "params");
        reader.check();
        var budget = request.budget() == null ? null : budget(request.budget());
        StoredSession session = sessions.create(new CreateSession(request.optimizer(), groups, request.defaults(), budget));
        return ResponseEntity.created(URI.create("/v1/optimizers/" + session.id())).body(Json.session(session));
    }

    private static dev.textopt.session.Budget budget(BudgetRequest request) {
        if (request.amount() == null) {
            throw new dev.textopt.session.BadRequestException("budget.amount", "budget.amount is required, e.g. {\"amount\": 5.0, \"currency\": \"USD\"}");
        }
        return new dev.textopt.session.Budget(request.amount(), request.currency());
    }

    @GetMapping
    @Operation(operationId = "listOptimizers", summary = "List sessions, newest first")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageParams.check(page, size);
        var found = sessions.list(page, size);
        return Json.page(found.items().stream().map(Json::session).toList(), page, size, found.total());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOptimizer", summary = "One session with its groups, parameters, grads and usage")
    Map<String, Object> get(@PathVariable UUID id) {
        return Json.session(sessions.get(id));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteOptimizer", summary = "Delete a session and everything it owns")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        sessions.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/param-groups", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @Operation(operationId = "addParamGroup", summary = "add_param_group: options left out come from the session's defaults")
    ResponseEntity<Map<String, Object>> addParamGroup(@PathVariable UUID id, @RequestBody Map<String, Object> body) {
        var reader = new RequestReader();
        var group = reader.group(body, "body");
        reader.check();
        var stored = sessions.addParamGroup(id, group);
        return ResponseEntity.status(201).body(Json.group(stored));
    }

    @GetMapping("/{id}/params/{paramId}")
    @Operation(operationId = "getParam", summary = "One parameter with its grad")
    Map<String, Object> param(@PathVariable UUID id, @PathVariable UUID paramId) {
        return Json.param(sessions.param(id, paramId));
    }

    record PatchRequest(String data, String role, Boolean requiresGrad) {
    }

    @PatchMapping(path = "/{id}/params/{paramId}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "patchParam", summary = "Edit a parameter's data, role or requires_grad by hand")
    Map<String, Object> patch(@PathVariable UUID id, @PathVariable UUID paramId, @RequestBody PatchRequest patch) {
        return Json.param(sessions.patchParam(id, paramId, new ParamPatch(patch.data(), patch.role(), patch.requiresGrad())));
    }

    @PostMapping(path = "/{id}/params/{paramId}/grad", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @Operation(operationId = "appendGrad", summary = "Append gradients: one Variable or a list")
    Map<String, Object> appendGrad(@PathVariable UUID id, @PathVariable UUID paramId, @RequestBody Object body) {
        var reader = new RequestReader();
        var grads = reader.gradients(body);
        reader.check();
        return Json.param(sessions.appendGrads(id, paramId, grads));
    }

    @PostMapping("/{id}/clear-grad")
    @AnswerWithEffect
    @Operation(operationId = "clearGrad", summary = "Empty every parameter's grad")
    Map<String, Object> clearGrad(@PathVariable UUID id) {
        return Json.session(sessions.clearGrad(id));
    }
}
