package dev.textopt.session;

import java.math.BigDecimal;
import java.util.Objects;

/** How much a session may spend on model calls. Prices are in USD, so budgets are too. */
public record Budget(BigDecimal amount, String currency) {

    public Budget {
        Objects.requireNonNull(amount, "amount");
        currency = currency == null ? "USD" : currency;
        if (amount.signum() <= 0) {
            throw new BadRequestException("budget.amount", "budget.amount must be above 0");
        }
        if (!"USD".equals(currency)) {
            throw new BadRequestException("budget.currency", "budget.currency must be USD, the currency of the price table");
        }
    }
}
