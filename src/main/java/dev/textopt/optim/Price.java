package dev.textopt.optim;

import java.math.BigDecimal;
import java.util.Objects;

/** What a model charges per million prompt (input) and completion (output) tokens, in USD. */
public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

    public Price {
        Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }
}
