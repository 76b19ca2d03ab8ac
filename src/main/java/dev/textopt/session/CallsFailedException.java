package dev.textopt.session;

import dev.textopt.optim.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A forward, evaluate or backward request whose calls did not all succeed: nothing of it was stored, but
 * the tokens its calls spent were counted. When the session's budget stopped calls ({@link #budget()}
 * not null) the answer is a 402 showing it; else a 502, or a 504 when every failure was a timeout.
 */
public class CallsFailedException extends RuntimeException {

    private final List<CallFailure> failures;
    private final Budget budget;
    private final BigDecimal spent;

    /** The calls of {@code operation} on {@code session} that failed, having spent {@code usage}. */
    CallsFailedException(String operation, List<CallFailure> failures, CallSession session, Map<String, Usage> usage) {
        super(message(operation, failures));
        this.failures = List.copyOf(failures);
        boolean stoppedByBudget = session.budget() != null && failures.stream().anyMatch(CallFailure::budget);
        this.budget = stoppedByBudget ? session.budget() : null;
        this.spent = stoppedByBudget ? session.spent().add(Usage.knownCost(usage)) : null;
    }

    private static String message(String operation, List<CallFailure> failures) {
        long budget = failures.stream().filter(CallFailure::budget).count();
        return failures.size() + " call(s) of the " + operation + " failed" + (budget > 0 ? " (" + budget
                + " not made: the session's budget is spent; create a new session from its state dict to go on)" : "")
                + "; nothing was stored, the tokens spent were counted";
    }

    public List<CallFailure> failures() {
        return failures;
    }

    public boolean timedOut() {
        return failures.stream().allMatch(f -> "timeout".equals(f.reason()));
    }

    /** The session's budget, when it stopped calls; null otherwise. */
    public Budget budget() {
        return budget;
    }

    /** What the session has spent, when its budget stopped calls; null otherwise. */
    public BigDecimal spent() {
        return spent;
    }
}
