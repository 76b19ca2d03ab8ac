package dev.textopt.session;

import dev.textopt.session.StepRecord.StepFailure;
import java.util.List;

/**
 * A step that changed no parameter: a model call failed for good, a reply broke the output contract
 * twice, or the closure failed. {@code timedOut} tells a gateway timeout from a bad gateway.
 */
public class StepFailedException extends RuntimeException {

    private final int number;
    private final List<StepFailure> failures;
    private final boolean timedOut;

    public StepFailedException(int number, String message, List<StepFailure> failures, boolean timedOut) {
        super(message);
        this.number = number;
        this.failures = List.copyOf(failures);
        this.timedOut = timedOut;
    }

    public int number() {
        return number;
    }

    public List<StepFailure> failures() {
        return failures;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
