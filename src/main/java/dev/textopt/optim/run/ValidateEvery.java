package dev.textopt.optim.run;

import java.util.Locale;

/** When a run scores its validation set, besides once before its first step: after every epoch, or after every step. */
public enum ValidateEvery {
    EPOCH, STEP;

    /** As a request writes it: {@code "epoch"} or {@code "step"}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
