package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;

/** {@code add_param_group}: new parameters (or, refused, ones the session has) and the options the group sets itself. */
@Schema(description = "A group to add: new Variables, and options; options left out come from the session's defaults. "
        + "A parameter the session has may be named by {\"id\"}, but it is in a group already, so that is a 400 naming it",
        example = """
        {"params": [{"data": "Answer in one word.", "role": "output format instruction"}], "momentum": 1}""")
record AddParamGroupRequest(@OneOf({VariableJson.class, ParamItemJson.ParamRef.class}) List<ParamItemJson> params,
                            @JsonUnwrapped @Nullable GroupOptionsJson options) {
}
