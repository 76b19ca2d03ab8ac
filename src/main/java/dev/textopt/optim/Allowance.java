package dev.textopt.optim;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What a step may still spend on priced model calls, in USD, checked before each call of the step (and
 * each re-ask): once the step's calls have used it up, the calls not yet made fail with
 * {@link ModelCallException.BudgetReached} instead of being made. Calls already in flight finish and
 * are counted, so a step spends at most the allowance plus what its calls in flight cost. Calls of a
 * model without a price cost an unknown amount and do not count.
 *
 * @param amount what may still be spent; null for no limit
 */
public record Allowance(BigDecimal amount) {

    public static final Allowance UNLIMITED = new Allowance(null);

    /** An allowance of {@code budget} minus what was {@code spent} already (nothing, if that is more). */
    public static Allowance of(BigDecimal budget, BigDecimal spent) {
        return new Allowance(budget.subtract(Objects.requireNonNull(spent, "spent")).max(BigDecimal.ZERO));
    }

    boolean reachedBy(Map<String, Usage> spentThisStep) {
        if (amount == null) {
            return false;
        }
        return Usage.knownCost(spentThisStep).compareTo(amount) >= 0;
    }
}
