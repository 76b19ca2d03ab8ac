package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * TGD's options, in a session's {@code defaults} and in every param group. A client may leave any of
 * them out (defaults fill them); the service always shows all six. {@code completion_args} and
 * {@code inputs} are open: their keys are the client's and pass through untouched. Texts in
 * {@code constraints}, {@code inputs} and message contents may be Variables, as afnio allows; they are
 * kept as given.
 */
@Schema(description = "TGD options; in defaults or a group")
@JsonInclude(JsonInclude.Include.NON_NULL)
record GroupOptionsJson(
        @Schema(description = "Name of a configured model client", example = "openai") String modelClient,
        @Schema(description = "Optimizer prompt templates") List<MessageJson> messages,
        @Schema(description = "Values of template placeholders: texts, or Variables whose data is the text")
        @OneOf({String.class, VariableJson.class}) Map<String, Object> inputs,
        @Schema(description = "Rules the new value must obey: texts, or Variables whose data is the text (afnio's form); "
                + "kept and exported as given") @OneOf({String.class, VariableJson.class}) List<Object> constraints,
        @Schema(description = "Past steps remembered per parameter", minimum = "0") Integer momentum,
        @Schema(description = "model, temperature, … for the model") Map<String, Object> completionArgs) {

    /** One turn of the optimizer's prompt, afnio's multi-turn shape; its texts are templates. */
    @Schema(description = "One optimizer prompt message; its texts are templates")
    record MessageJson(
            @Schema(allowableValues = {"system", "user", "assistant"}) String role,
            @Schema(description = "Texts, or Variables whose data is the text") @OneOf({String.class, VariableJson.class})
            List<Object> content) {
    }

    /** The options as the core keeps them: a tree with only the options given. */
    Map<String, Object> tree() {
        return JsonTrees.tree(this);
    }

    static GroupOptionsJson of(Map<String, Object> options) {
        return JsonTrees.read(options, GroupOptionsJson.class);
    }
}
