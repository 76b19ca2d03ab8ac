package dev.textopt.adapter.web;

import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.StoredGroup;
import dev.textopt.session.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A session's param groups: add one ({@code add_param_group}), change one's options. */
@RestController
@RequestMapping(path = "/v1/optimizers/{id}/param-groups", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "sessions")
class ParamGroupController {

    private final OptimizerSessions sessions;

    ParamGroupController(OptimizerSessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AnswerWithEffect
    @AnswerWithETag
    @Operation(operationId = "addParamGroup", summary = "add_param_group: options left out come from the session's defaults",
            description = "Each Variable becomes a new parameter, even one with the data and role of another (afnio: a new "
                    + "Variable is a new parameter). A parameter the session has, named by {\"id\"}, is in a group already: "
                    + "that is a 400 naming it, as torch refuses a parameter in two groups, and so is an id the session "
                    + "does not have.")
    @ApiResponse(responseCode = "201", description = "The group as stored")
    ResponseEntity<ParamGroupJson> add(@PathVariable UUID id, @RequestBody AddParamGroupRequest body) {
        var reader = new RequestReader();
        var group = reader.group(body);
        reader.check();
        Versioned<StoredGroup> added = sessions.addParamGroup(id, group);
        return ResponseEntity.status(201).eTag(Conditional.etag(added.version())).body(ParamGroupJson.of(added.value()));
    }

    @PatchMapping(path = "/{index}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @AnswerWithETag
    @Operation(operationId = "patchParamGroup", summary = "Change a group's options mid-run (torch: param_groups[i][\"lr\"] = …)",
            description = "Any of momentum, constraints, inputs, messages, model_client and completion_args; those left out "
                    + "stay. The group's options as they would be are checked like a new group's, and refused as a whole "
                    + "(400 with errors[]). A change is recorded in the history as an entry of kind edit_group with each "
                    + "option before and after; a lower momentum drops the oldest entries of the group's momentum buffers "
                    + "at once, as the next step would. Groups are numbered from 0 in the order of param_groups. Refused "
                    + "with 409 while a step runs.")
    @ApiResponse(responseCode = "200", description = "The group with its options as they are now")
    ResponseEntity<ParamGroupJson> patch(@PathVariable UUID id, @PathVariable int index, @RequestBody ParamGroupPatch body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Map<String, Object> options = body.options() == null ? Map.of() : body.options().tree();
        Versioned<StoredGroup> edited = sessions.editParamGroup(id, index, options, Conditional.expected(ifMatch));
        return Conditional.ok(ParamGroupJson.of(edited.value()), edited.version());
    }
}
