package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/** A person editing a parameter by hand: the fields to change; those left out stay. */
@Schema(description = "Fields to change; those left out stay",
        example = "{\"data\": \"Classify the sentiment as positive, negative or neutral.\"}")
record PatchRequest(@Nullable String data, @Nullable String role, @Nullable Boolean requiresGrad) {
}
