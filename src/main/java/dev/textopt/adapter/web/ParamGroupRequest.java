package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;

/** A group to add (or one of a new session's): its Variables and the options it sets itself. */
@Schema(description = "A group to add: its Variables and options; options left out come from the session's defaults")
record ParamGroupRequest(List<VariableJson> params, @JsonUnwrapped @Nullable GroupOptionsJson options) {
}
