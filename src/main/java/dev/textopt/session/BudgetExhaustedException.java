package dev.textopt.session;

import dev.textopt.session.StepRecord.StepFailure;
import java.math.BigDecimal;
import java.util.List;

/**
 * The session has spent its budget: no further step starts, or (with {@code step} set) a running step
 * reached it and its remaining model calls were not made; that step changed no parameter.
 */
public class BudgetExhaustedException extends RuntimeException {

    private final BigDecimal spent;
    private final Budget budget;
    private final Integer step;
    private final List<StepFailure> failures;

    public BudgetExhaustedException(BigDecimal spent, Budget budget) {
        this(spent, budget, null, List.of(), "no further step starts");
    }

    private BudgetExhaustedException(BigDecimal spent, Budget budget, Integer step, List<StepFailure> failures, String consequence) {
        super("this session has spent " + spent.stripTrailingZeros().toPlainString() + " " + budget.currency() + " of its budget of "
                + budget.amount().stripTrailingZeros().toPlainString() + " " + budget.currency() + "; " + consequence + ". "
                + "Create a new session (export its state dict and import it) to go on.");
        this.spent = spent;
        this.budget = budget;
        this.step = step;
        this.failures = List.copyOf(failures);
    }

    /** A forward, judge or backward request refused before its first model call. */
    static BudgetExhaustedException beforeCalls(BigDecimal spent, Budget budget) {
        return new BudgetExhaustedException(spent, budget, null, List.of(), "no further model call is made");
    }

    /** A step that reached the budget part-way: the calls it had not made yet were not made. */
    static BudgetExhaustedException duringStep(BigDecimal spent, Budget budget, int step, List<StepFailure> failures) {
        return new BudgetExhaustedException(spent, budget, step, failures, "step " + step + " reached it, so "
                + failures.stream().filter(f -> "budget".equals(f.reason())).count() + " of its model calls were not made "
                + "and no parameter changed");
    }

    public BigDecimal spent() {
        return spent;
    }

    public Budget budget() {
        return budget;
    }

    /** The step that reached the budget, or null when a step was refused before it started. */
    public Integer step() {
        return step;
    }

    public List<StepFailure> failures() {
        return failures;
    }
}
