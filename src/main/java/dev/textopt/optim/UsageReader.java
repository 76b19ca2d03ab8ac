package dev.textopt.optim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a usage tree {@code {prompt_tokens, completion_tokens, total_tokens, cost: {amount, currency}}}
 * from a state dict, strictly: usage is added to a session's own, so a negative, non-numeric, non-finite
 * or absurd figure, or a cost in another currency than the price table's, is refused, each with its field.
 */
final class UsageReader {

    /** More tokens than any session will use; what is added stays far from a long's limit. */
    static final long MAX_TOKENS = 1_000_000_000_000_000L;

    /** More USD than any session will cost; what is added stays within what the database keeps exactly. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private UsageReader() {
    }

    static Optional<Usage> read(Object value, String path, List<Problem> problems) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("cost") instanceof Map<?, ?> cost)) {
            problems.add(new Problem(path, "must be {prompt_tokens, completion_tokens, total_tokens, cost: {amount, currency}}"));
            return Optional.empty();
        }
        int before = problems.size();
        Long prompt = tokens(map.get("prompt_tokens"), path + ".prompt_tokens", problems);
        Long completion = tokens(map.get("completion_tokens"), path + ".completion_tokens", problems);
        BigDecimal amount = amount(cost.get("amount"), path + ".cost.amount", problems);
        if (!Cost.USD.equals(cost.get("currency"))) {
            problems.add(new Problem(path + ".cost.currency", "must be \"USD\", the currency of the price table"));
        }
        return problems.size() > before ? Optional.empty()
                : Optional.of(new Usage(new TokenUsage(prompt, completion), new Cost(amount, Cost.USD)));
    }

    /** Whether a sum of usage has grown past what a session may hold. */
    static boolean tooLarge(Usage usage) {
        return usage.tokens().promptTokens() > MAX_TOKENS || usage.tokens().completionTokens() > MAX_TOKENS
                || usage.cost().known() && usage.cost().amount().compareTo(MAX_AMOUNT) >= 0;
    }

    private static Long tokens(Object value, String path, List<Problem> problems) {
        Long tokens = JsonValues.wholeNumber(value);
        if (tokens == null || tokens < 0 || tokens > MAX_TOKENS) {
            problems.add(new Problem(path, "must be a whole number from 0 to " + MAX_TOKENS));
            return null;
        }
        return tokens;
    }

    /** Null is a known value here: the cost of a model without a price is unknown. */
    private static BigDecimal amount(Object value, String path, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            problems.add(new Problem(path, "must be a finite number"));
            return null;
        }
        BigDecimal amount = JsonValues.decimal(value);
        if (amount == null) {
            problems.add(new Problem(path, "must be a number (USD), or null when unknown"));
        } else if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) >= 0) {
            problems.add(new Problem(path, "must be from 0 to below " + MAX_AMOUNT.toPlainString() + " (USD)"));
        }
        return amount;
    }
}
