package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.textopt.session.StoredGroup;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A param group as stored: its parameters, then all its options, side by side as in afnio. */
@Schema(description = "A param group as stored: its parameters and all its options")
record ParamGroupJson(List<ParameterJson> params, @JsonUnwrapped GroupOptionsJson options) {

    static ParamGroupJson of(StoredGroup group) {
        return new ParamGroupJson(group.params().stream().map(ParameterJson::of).toList(), GroupOptionsJson.of(group.options()));
    }
}
