package dev.textopt.adapter.ui;

import dev.textopt.optim.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/** Tokens and cost summed over every model client, as a page shows them. A cost is unknown once any part is. */
public record Totals(long tokens, BigDecimal cost, String currency) {

    static final Totals NONE = new Totals(0, BigDecimal.ZERO, "USD");

    static Totals of(Map<String, Usage> usage) {
        Totals totals = NONE;
        for (Usage u : usage.values()) {
            totals = totals.plus(u);
        }
        return totals;
    }

    Totals plus(Usage usage) {
        BigDecimal sum = cost == null || !usage.cost().known() ? null : cost.add(usage.cost().amount());
        return new Totals(tokens + usage.tokens().totalTokens(), sum, usage.cost().currency());
    }

    Totals plus(Map<String, Usage> usage) {
        Totals totals = this;
        for (Usage u : usage.values()) {
            totals = totals.plus(u);
        }
        return totals;
    }

    public String costText() {
        if (cost == null) {
            return "unknown";
        }
        String amount = cost.compareTo(BigDecimal.ZERO) == 0 ? "0"
                : cost.setScale(Math.max(2, Math.min(6, cost.stripTrailingZeros().scale())), RoundingMode.HALF_UP).toPlainString();
        return ("USD".equals(currency) ? "$" : currency + " ") + amount;
    }

    public String tokensText() {
        return String.format(Locale.ROOT, "%,d", tokens);
    }
}
