package dev.textopt.adapter.web;

import dev.textopt.session.BadRequestException;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.StoredSession;
import dev.textopt.session.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** state_dict and load_state_dict, in afnio's and PyTorch's shape. */
@RestController
@RequestMapping(path = "/v1/optimizers/{id}/state-dict", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "state dict", description = "Export and import the optimizer state dict")
class StateDictController {

    private final OptimizerSessions sessions;
    private final RecentReads<StateDictJson> reads = new RecentReads<>();

    StateDictController(OptimizerSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping
    @AnswerWithETag
    @Operation(operationId = "getStateDict", summary = "Export the state dict (parameters as indices, no API key)")
    ResponseEntity<StateDictJson> export(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return reads.read(new RecentReads.Key(id, null), () -> sessions.version(id), () -> {
            var exported = sessions.stateDict(id);
            return new Versioned<>(StateDictJson.of(exported.value()), exported.version());
        }, ifMatch, ifNoneMatch);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithETag
    @Operation(operationId = "loadStateDict", summary = "load_state_dict: validated whole before anything changes",
            description = "Group options and momentum buffers are replaced; parameter values stay. The saved usage of "
                    + "each model client is added to the session's usage, as afnio's load_state_dict adds it to the "
                    + "client's: an export imported into a new session exports the same, and no import lowers the "
                    + "usage. What the session has spent (budget.spent), which its budget is checked against, is "
                    + "not changed by an import. Saved usage must have whole token counts of 0 or more and a cost "
                    + "in USD whose amount is a finite number of 0 or more (or null, unknown); anything else is a "
                    + "400 naming the field, e.g. state_dict.param_groups[0].model_client.usage.cost.amount. With "
                    + "If-Match, an import into a session that changed since it was read (a step that ended meanwhile "
                    + "would lose its momentum entries) is a 412 and changes nothing.")
    ResponseEntity<SessionJson> load(@PathVariable UUID id, @RequestBody LoadStateDictRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (request.stateDict() == null) {
            throw new BadRequestException("state_dict", "state_dict is required: the object GET …/state-dict returns");
        }
        var clients = request.modelClients() == null ? Map.<String, String>of() : request.modelClients();
        StoredSession session = sessions.loadStateDict(id, request.stateDict().tree(), clients, Conditional.expected(ifMatch));
        return Conditional.ok(SessionJson.of(session), session.version());
    }
}
