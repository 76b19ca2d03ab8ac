package dev.textopt.adapter.web;

import dev.textopt.optim.Usage;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tokens a model client spent, and their cost. */
@Schema(description = "Tokens spent, and their cost")
record UsageJson(long promptTokens, long completionTokens, long totalTokens, CostJson cost) {

    @Schema(description = "Cost of the tokens; amount is null when the model's price is unknown")
    record CostJson(@Nullable Double amount, String currency) {
    }

    static UsageJson of(Usage usage) {
        var cost = usage.cost();
        return new UsageJson(usage.tokens().promptTokens(), usage.tokens().completionTokens(), usage.tokens().totalTokens(),
                new CostJson(cost.amount() == null ? null : cost.amount().doubleValue(), cost.currency()));
    }

    /** Usage per model client name; the names are keys as configured, never renamed. */
    static Map<String, UsageJson> byClient(Map<String, Usage> usage) {
        var byClient = new LinkedHashMap<String, UsageJson>();
        usage.forEach((client, u) -> byClient.put(client, of(u)));
        return byClient;
    }
}
