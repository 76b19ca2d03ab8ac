package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The optimizer state dict, shaped as afnio and PyTorch shape it: parameters are integer indices in
 * group order, {@code state} is keyed by those indices as strings, and each group's model client is
 * shown by what it is and what it cost, never by how it is configured.
 */
@Schema(description = "The optimizer state dict, shaped as afnio and PyTorch shape it")
record StateDictJson(
        @Schema(description = "Per parameter index (\"0\", \"1\", …)") Map<String, ParamStateJson> state,
        List<GroupStateJson> paramGroups) {

    @Schema(description = "What the optimizer remembers of one parameter")
    record ParamStateJson(@Schema(description = "The last `momentum` steps, oldest first") List<MomentumEntryJson> momentumBuffer) {
    }

    /** {@code [snapshot of the parameter before the step, [the gradients it got]]}: a pair, as in afnio. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @Schema(description = "[parameter snapshot, [its gradients]] of one remembered step")
    record MomentumEntryJson(VariableJson snapshot, List<MomentumGradientJson> grads) {
    }

    /** A gradient in a momentum entry: without {@code context} when it had none, as afnio writes it. */
    @Schema(description = "A gradient a remembered step used")
    record MomentumGradientJson(String data, String role, @JsonInclude(JsonInclude.Include.NON_NULL) String context) {
    }

    @Schema(description = "A param group's options, with its parameters as indices and its model client described")
    record GroupStateJson(
            ModelClientStateJson modelClient,
            List<GroupOptionsJson.MessageJson> messages,
            @OneOf({String.class, VariableJson.class}) Map<String, Object> inputs,
            @OneOf({String.class, VariableJson.class}) List<Object> constraints,
            Integer momentum,
            Map<String, Object> completionArgs,
            @ArraySchema(schema = @Schema(description = "Index of a parameter, in group order")) List<Integer> params) {
    }

    @Schema(description = "A model client as a state dict shows it: what it is and what it cost; never a key")
    record ModelClientStateJson(@Schema(example = "OpenAiChatModel") @Nullable String classType, String name,
                                @Schema(example = "openai") @Nullable String provider, UsageJson usage) {
    }

    static StateDictJson of(Map<String, Object> tree) {
        return JsonTrees.read(tree, StateDictJson.class);
    }

    Map<String, Object> tree() {
        return JsonTrees.tree(this);
    }
}
