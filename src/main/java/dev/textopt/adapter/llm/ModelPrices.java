package dev.textopt.adapter.llm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

import dev.textopt.optim.TokenUsage;

/**
 * The price table ({@code textopt.prices}): USD per million tokens, by model. A dated snapshot that
 * answered ("gpt-4o-2024-08-06", "claude-haiku-4-5-20251001") is priced as the longest configured
 * name it starts with followed by '-', so "gpt-4o-mini-2024-07-18" is a gpt-4o-mini, not a gpt-4o.
 */
public final class ModelPrices {

    /** USD per million input (prompt) and output (completion) tokens. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        public Price {
            if (inputPerMillion == null || outputPerMillion == null || inputPerMillion.signum() < 0
                    || outputPerMillion.signum() < 0) {
                throw new IllegalArgumentException("prices must be given and not negative");
            }
        }
    }

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Map<String, Price> prices;

    public ModelPrices(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    public Optional<Price> find(String model) {
        if (model == null) {
            return Optional.empty();
        }
        Price exact = prices.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prices.keySet().stream()
            .filter(name -> model.startsWith(name + "-"))
            .max(Comparator.comparingInt(String::length))
            .map(prices::get);
    }

    /** The cost of {@code usage} on {@code model} in USD; empty when the model has no price. */
    public Optional<BigDecimal> cost(String model, TokenUsage usage) {
        return find(model).map(price -> price.inputPerMillion().multiply(BigDecimal.valueOf(usage.promptTokens()))
            .add(price.outputPerMillion().multiply(BigDecimal.valueOf(usage.completionTokens())))
            .divide(MILLION, MathContext.DECIMAL64));
    }

    public Map<String, Price> asMap() {
        return prices;
    }
}
