package dev.textopt.optim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a usage tree {@code {prompt_tokens, completion_tokens, total_tokens, cost: {amount, currency}}}. */
final class UsageReader {

    private UsageReader() {
    }

    static Optional<Usage> read(Object value, String path, List<Problem> problems) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("cost") instanceof Map<?, ?> cost)) {
            problems.add(new Problem(path, "must be {prompt_tokens, completion_tokens, total_tokens, cost: {amount, currency}}"));
            return Optional.empty();
        }
        Long prompt = JsonValues.wholeNumber(map.get("prompt_tokens"));
        Long completion = JsonValues.wholeNumber(map.get("completion_tokens"));
        Object rawAmount = cost.get("amount");
        BigDecimal amount = JsonValues.decimal(rawAmount);
        boolean ok = true;
        if (prompt == null || prompt < 0 || completion == null || completion < 0) {
            problems.add(new Problem(path, "prompt_tokens and completion_tokens must be whole numbers >= 0"));
            ok = false;
        }
        if (rawAmount != null && amount == null) {
            problems.add(new Problem(path + ".cost.amount", "must be a number, or null when unknown"));
            ok = false;
        }
        if (!(cost.get("currency") instanceof String currency)) {
            problems.add(new Problem(path + ".cost.currency", "must be a currency code such as \"USD\""));
            return Optional.empty();
        }
        return ok ? Optional.of(new Usage(new TokenUsage(prompt, completion), new Cost(amount, currency))) : Optional.empty();
    }
}
