package dev.textopt.optim;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Prices by model name. Providers answer with dated snapshot names ("gpt-4o-2024-08-06") while price
 * lists use the family ("gpt-4o"), so a model without an exact entry takes the longest key that is a
 * prefix of it followed by '-'. "gpt-4o-mini-2024-07-18" thus finds "gpt-4o-mini" before "gpt-4o".
 */
public record PriceTable(Map<String, Price> prices) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public static final PriceTable EMPTY = new PriceTable(Map.of());

    public PriceTable {
        prices = Map.copyOf(prices);
    }

    public Optional<Price> find(String model) {
        if (model == null) {
            return Optional.empty();
        }
        Price exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String key : prices.keySet()) {
            boolean familyOf = model.startsWith(key + "-");
            if (familyOf && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return Optional.ofNullable(best).map(prices::get);
    }

    /**
     * The cost of {@code tokens} on {@code model}; unknown when the model is unpriced or not known at all.
     * Zero tokens cost nothing whatever the model, so a call that failed before spending anything does
     * not turn a session's cost unknown.
     */
    public Cost costOf(String model, TokenUsage tokens) {
        if (tokens.totalTokens() == 0) {
            return Cost.zero();
        }
        return find(model)
                .map(p -> new Cost(perMillion(p.inputPerMillion(), tokens.promptTokens())
                        .add(perMillion(p.outputPerMillion(), tokens.completionTokens())), Cost.USD))
                .orElseGet(Cost::unknown);
    }

    public Usage usageOf(String model, TokenUsage tokens) {
        return new Usage(tokens, costOf(model, tokens));
    }

    private static BigDecimal perMillion(BigDecimal price, long tokens) {
        // Exact: dividing by 10^6 only moves the decimal point.
        return price.multiply(BigDecimal.valueOf(tokens)).divide(MILLION);
    }
}
