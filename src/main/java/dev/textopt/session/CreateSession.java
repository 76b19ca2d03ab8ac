package dev.textopt.session;

import java.util.List;
import java.util.Map;

/** What it takes to create a session: the optimizer, its groups and its defaults. */
public record CreateSession(String optimizer, List<NewGroup> groups, Map<String, Object> defaults, Budget budget) {

    public CreateSession {
        optimizer = optimizer == null ? "tgd" : optimizer;
        groups = groups == null ? List.of() : List.copyOf(groups);
        defaults = defaults == null ? Map.of() : defaults;
    }
}
