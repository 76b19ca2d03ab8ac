package dev.textopt.session;

import dev.textopt.optim.Gradient;
import java.util.List;
import java.util.UUID;

/** What one entry did to one parameter: its value before and after, and the feedback used. */
public record StepParamRecord(
        UUID paramId, String status, String reason, String previousData, String data, List<Gradient> grads) {

    public StepParamRecord {
        grads = grads == null ? List.of() : List.copyOf(grads);
    }
}
