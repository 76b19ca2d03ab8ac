package dev.textopt.optim;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What model calls cost. {@code amount == null} means unknown: some call used a model the price table
 * does not list. We would rather say "unknown" than invent a price, and once unknown a sum stays
 * unknown, because a partial sum would understate the bill.
 */
public record Cost(BigDecimal amount, String currency) {

    public static final String USD = "USD";

    public Cost {
        Objects.requireNonNull(currency, "currency");
    }

    public static Cost zero() {
        return new Cost(BigDecimal.ZERO, USD);
    }

    public static Cost unknown() {
        return new Cost(null, USD);
    }

    public boolean known() {
        return amount != null;
    }

    public Cost plus(Cost other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        if (amount == null || other.amount == null) {
            return new Cost(null, currency);
        }
        return new Cost(amount.add(other.amount), currency);
    }
}
