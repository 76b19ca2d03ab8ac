package dev.textopt.adapter.web;

import dev.textopt.session.StoredParam;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** A parameter the session owns, with its grad. */
@Schema(description = "A parameter the session owns, with its grad")
record ParameterJson(
        UUID id,
        @Schema(description = "Its current value") String data,
        @Schema(description = "What it is for") String role,
        @Schema(description = "Whether steps rewrite it") boolean requiresGrad,
        @Schema(description = "Gradients, in the order appended") List<GradientJson> grad) {

    static ParameterJson of(StoredParam p) {
        return new ParameterJson(p.id(), p.data(), p.role(), p.requiresGrad(), p.grad().stream().map(GradientJson::of).toList());
    }
}
