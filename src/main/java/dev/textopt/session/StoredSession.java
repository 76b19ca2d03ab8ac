package dev.textopt.session;

import dev.textopt.optim.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A session as the database holds it: metadata, groups with their parameters, usage per client, and
 * what it has {@code spent} on priced model calls: the figure its budget is checked against. Usage is
 * what the session reports (an imported state dict adds to it, as afnio's load_state_dict does);
 * spent only ever grows, with real model calls.
 */
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
        Budget budget,
        BigDecimal spent) {

    public StoredSession {
        groups = List.copyOf(groups);
        usage = Map.copyOf(usage);
        Objects.requireNonNull(spent, "spent");
    }

    public Optional<StoredParam> param(UUID paramId) {
        return groups.stream().flatMap(g -> g.params().stream()).filter(p -> p.id().equals(paramId)).findFirst();
    }

    public List<StoredParam> params() {
        return groups.stream().flatMap(g -> g.params().stream()).toList();
    }
}
