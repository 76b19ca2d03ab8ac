package dev.textopt.session;

import dev.textopt.optim.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A session as the database holds it: metadata, groups with their parameters, and usage per client. */
public record StoredSession(
        UUID id,
        String optimizer,
        long version,
        int stepCount,
        int historyCount,
        Instant createdAt,
        Instant updatedAt,
        Map<String, Object> defaults,
        List<StoredGroup> groups,
        Map<String, Usage> usage,
        boolean stepRunning,
        Budget budget) {

    public StoredSession {
        groups = List.copyOf(groups);
        usage = Map.copyOf(usage);
    }

    public java.util.Optional<StoredParam> param(UUID paramId) {
        return groups.stream().flatMap(g -> g.params().stream()).filter(p -> p.id().equals(paramId)).findFirst();
    }

    /** What the session has spent on priced calls (calls of unpriced models cost an unknown amount). */
    public java.math.BigDecimal spent() {
        return usage.values().stream().map(u -> u.cost().amount()).filter(java.util.Objects::nonNull)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    public List<StoredParam> params() {
        return groups.stream().flatMap(g -> g.params().stream()).toList();
    }
}
