package dev.textopt.adapter.web;

import dev.textopt.session.BadRequestException;
import dev.textopt.session.OptimizerSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** state_dict and load_state_dict, in afnio's and PyTorch's shape. */
@RestController
@RequestMapping(path = "/v1/optimizers/{id}/state-dict", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "state dict", description = "Export and import the optimizer state dict")
class StateDictController {

    private final OptimizerSessions sessions;

    StateDictController(OptimizerSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    @Operation(operationId = "getStateDict", summary = "Export the state dict (parameters as indices, no API key)")
    StateDictJson export(@PathVariable UUID id) {
        return StateDictJson.of(sessions.stateDict(id));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "loadStateDict", summary = "load_state_dict: validated whole before anything changes")
    SessionJson load(@PathVariable UUID id, @RequestBody LoadStateDictRequest request) {
        if (request.stateDict() == null) {
            throw new BadRequestException("state_dict", "state_dict is required: the object GET …/state-dict returns");
        }
        var clients = request.modelClients() == null ? Map.<String, String>of() : request.modelClients();
        return SessionJson.of(sessions.loadStateDict(id, request.stateDict().tree(), clients));
    }
}
