package dev.textopt.optim;

import java.util.List;
import java.util.Objects;

/** What a step did, or would have done, to one parameter. */
public sealed interface ParamOutcome permits ParamOutcome.Updated, ParamOutcome.Skipped {

    String id();

    /** The model proposed {@code data}; applied only when the whole step succeeded. */
    record Updated(String id, String previousData, String data, List<Gradient> gradsUsed) implements ParamOutcome {
        public Updated {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(data, "data");
            gradsUsed = List.copyOf(gradsUsed);
        }
    }

    /** Not sent to the model; {@code reason} is "no gradient" or "requires_grad is false". */
    record Skipped(String id, String reason) implements ParamOutcome {
        public static final String NO_GRADIENT = "no gradient";
        public static final String NO_REQUIRES_GRAD = "requires_grad is false";
    }
}
