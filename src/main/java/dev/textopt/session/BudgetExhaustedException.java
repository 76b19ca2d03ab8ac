package dev.textopt.session;

import java.math.BigDecimal;

/** The session has spent its budget; no further step starts. */
public class BudgetExhaustedException extends RuntimeException {

    private final BigDecimal spent;
    private final Budget budget;

    public BudgetExhaustedException(BigDecimal spent, Budget budget) {
        super("this session has spent " + spent.stripTrailingZeros().toPlainString() + " " + budget.currency() + " of its budget of "
                + budget.amount().stripTrailingZeros().toPlainString() + " " + budget.currency() + "; no further step starts. "
                + "Create a new session (export its state dict and import it) to go on.");
        this.spent = spent;
        this.budget = budget;
    }

    public BigDecimal spent() {
        return spent;
    }

    public Budget budget() {
        return budget;
    }
}
