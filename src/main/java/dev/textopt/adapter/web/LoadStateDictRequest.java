package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.Map;

/** {@code load_state_dict}: a state dict as exported, and which configured client plays each saved one. */
@Schema(description = "load_state_dict")
record LoadStateDictRequest(
        StateDictJson stateDict,
        @Schema(description = "Model client name to use for each model_client key of the groups, e.g. {\"model_client\": \"openai\"}")
        @Nullable Map<String, String> modelClients) {
}
