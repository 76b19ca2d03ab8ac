package dev.textopt.session;

import java.util.List;
import java.util.Map;

/**
 * A param group as a client sends it: its parameters (new ones, or ones the session has) and the options
 * it sets (the rest come from defaults).
 */
public record NewGroup(List<? extends GroupMember> params, Map<String, Object> options) {

    public NewGroup {
        params = params == null ? List.of() : List.copyOf(params);
        options = options == null ? Map.of() : options;
    }
}
