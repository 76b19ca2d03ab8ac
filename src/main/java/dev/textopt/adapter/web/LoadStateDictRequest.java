package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.Map;

/** {@code load_state_dict}: a state dict as exported, and which configured client plays each saved one. */
@Schema(description = "load_state_dict", example = """
        {"state_dict": {"state": {}, "param_groups": [{"model_client": {"class_type": "OpenAiChatModel", "name": "openai",
          "provider": "openai", "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0,
          "cost": {"amount": 0.0, "currency": "USD"}}}, "messages": [{"role": "user", "content": ["{variable} {feedback}"]}],
          "inputs": {}, "constraints": [], "momentum": 0, "completion_args": {}, "params": [0]}]},
         "model_clients": {"model_client": "openai"}}""")
record LoadStateDictRequest(
        StateDictJson stateDict,
        @Schema(description = "Model client name to use for each model_client key of the groups, e.g. {\"model_client\": \"openai\"}")
        @Nullable Map<String, String> modelClients) {
}
