package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** A forward pass: afnio's ChatCompletion over a batch of inputs, one model call per item. */
@Schema(description = "A forward pass over a batch of inputs", example = """
        {"messages": [{"role": "system", "content": [{"param": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e"}]},
                      {"role": "user", "content": ["{text}"]}],
         "inputs": [{"text": "hello world"}, {"text": "good morning"}],
         "model_client": "openai", "completion_args": {"model": "gpt-4o-mini"}}""")
record ForwardRequestJson(
        @Schema(description = "The conversation the model is sent for each input item, nothing added") List<PromptMessageJson> messages,
        @Schema(description = "One item per model call: the texts its templates' {key} placeholders take") List<Map<String, String>> inputs,
        @Schema(description = "The forward model's client; default: the group's of the first parameter inserted")
        @Nullable String modelClient,
        @Schema(description = "Arguments for the forward model; default: that group's (none when model_client is given)")
        @Nullable Map<String, Object> completionArgs) {

    /** One turn of a forward prompt: its items are joined with newlines. */
    @Schema(description = "One turn of a forward prompt; its items are joined with newlines")
    record PromptMessageJson(
            @Schema(allowableValues = {"system", "user", "assistant"}) String role,
            @Schema(description = "Templates ({key} from the input item, {{ }} for braces), Variables inserted as they are, "
                    + "or {\"param\": id}: that parameter's current data, inserted as it is")
            @OneOf({String.class, VariableJson.class, ParamRefJson.class}) List<Object> content) {
    }

    /** A parameter's current data, inserted in a forward prompt as it is. */
    @Schema(description = "A parameter of the session, inserted with its current data")
    record ParamRefJson(@Schema(description = "The parameter's id") String param) {
    }
}
