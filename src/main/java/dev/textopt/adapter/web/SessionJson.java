package dev.textopt.adapter.web;

import dev.textopt.session.StoredSession;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An optimizer session: what GET returns, and what creating, restoring or loading one answers. */
@Schema(description = "An optimizer session")
record SessionJson(
        UUID id,
        @Schema(example = "tgd") String optimizer,
        @Schema(description = "Grows with every change") long version,
        @Schema(description = "Successful steps") int stepCount,
        @Schema(description = "Whether a step is running") boolean stepRunning,
        Instant createdAt,
        Instant updatedAt,
        GroupOptionsJson defaults,
        List<ParamGroupJson> paramGroups,
        @Schema(description = "Usage per model client name") Map<String, UsageJson> usage,
        @Schema(description = "The spending limit, if any, and what was spent") @Nullable BudgetJson budget) {

    @Schema(description = "A spending limit and what was spent of it")
    record BudgetJson(double amount, String currency,
            @Schema(description = "What the session's model calls cost, in USD: only steps raise it, and an import never changes it")
            double spent) {
    }

    static SessionJson of(StoredSession s) {
        var budget = s.budget() == null ? null
                : new BudgetJson(s.budget().amount().doubleValue(), s.budget().currency(), s.spent().doubleValue());
        return new SessionJson(s.id(), s.optimizer(), s.version(), s.stepCount(), s.stepRunning(), s.createdAt(), s.updatedAt(),
                GroupOptionsJson.of(s.defaults()), s.groups().stream().map(ParamGroupJson::of).toList(),
                UsageJson.byClient(s.usage()), budget);
    }
}
