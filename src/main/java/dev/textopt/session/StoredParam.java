package dev.textopt.session;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.MomentumEntry;
import java.util.List;
import java.util.UUID;

/** A parameter as stored, with its ordered grad and its momentum buffer. */
public record StoredParam(
        UUID id, String data, String role, boolean requiresGrad, List<Gradient> grad, List<MomentumEntry> momentumBuffer) {

    public StoredParam {
        grad = List.copyOf(grad);
        momentumBuffer = List.copyOf(momentumBuffer);
    }
}
