package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/** A change of a param group's options, as torch code sets {@code optimizer.param_groups[0]["lr"]}. */
@Schema(description = "Options of the group to change; those left out (or null) stay. Checked like the options of a new "
        + "group; its parameters are not changed here", example = """
        {"momentum": 1, "constraints": [{"data": "Answer in one word.", "role": "output constraint"}],
         "completion_args": {"model": "gpt-4o", "temperature": 0.2}}""")
record ParamGroupPatch(@JsonUnwrapped GroupOptionsJson options) {
}
