package dev.textopt.optim;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Tokens and their cost, for one call or summed over many (per model client). */
public record Usage(TokenUsage tokens, Cost cost) {

    public static final Usage NONE = new Usage(TokenUsage.NONE, Cost.zero());

    public Usage {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(cost, "cost");
    }

    public Usage plus(Usage other) {
        return new Usage(tokens.plus(other.tokens), cost.plus(other.cost));
    }

    /** What usage per client cost as far as it is known: calls of a model without a price are left out. */
    public static BigDecimal knownCost(Map<String, Usage> byClient) {
        return byClient.values().stream().map(u -> u.cost().amount()).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Usage per client of two sets of calls together, clients in the order they first appear. */
    public static Map<String, Usage> sum(Map<String, Usage> first, Map<String, Usage> second) {
        var sum = new LinkedHashMap<>(first);
        second.forEach((client, usage) -> sum.merge(client, usage, Usage::plus));
        return sum;
    }
}
