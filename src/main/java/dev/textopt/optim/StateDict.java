package dev.textopt.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer's state as a JSON-like tree, in the shape of afnio's and torch's {@code state_dict()}:
 * parameters are replaced by integer indices in group order, {@code state} is keyed by those indices
 * as strings, and each group's model client by {@code {class_type, name, provider, usage}}. It never
 * holds an API key or a parameter's value (a momentum snapshot is a value from the past).
 */
public record StateDict(Map<String, Object> state, List<Map<String, Object>> paramGroups) {

    public StateDict {
        state = JsonValues.readOnlyMap(state);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map<String, Object> g : paramGroups) {
            groups.add(JsonValues.readOnlyMap(g));
        }
        paramGroups = List.copyOf(groups);
    }

    /** The tree as {@code {"state": ..., "param_groups": [...]}}, ready to be written as JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("state", state);
        map.put("param_groups", paramGroups);
        return map;
    }

    /** Reads {@link #toMap()}'s shape; refuses a tree without a {@code state} object and a {@code param_groups} list. */
    public static StateDict fromMap(Map<String, Object> map) {
        List<Problem> problems = new ArrayList<>();
        Object state = map == null ? null : map.get("state");
        Object groups = map == null ? null : map.get("param_groups");
        if (!(state instanceof Map<?, ?>)) {
            problems.add(new Problem("state_dict.state", "must be an object keyed by parameter index, found " + JsonValues.typeName(state)));
        }
        List<Map<String, Object>> typedGroups = new ArrayList<>();
        if (groups instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> g) {
                    typedGroups.add(castMap(g));
                } else {
                    problems.add(new Problem("state_dict.param_groups[" + i + "]", "must be an object, found " + JsonValues.typeName(list.get(i))));
                }
            }
        } else {
            problems.add(new Problem("state_dict.param_groups", "must be a list of param groups, found " + JsonValues.typeName(groups)));
        }
        InvalidOptimizerException.throwIfAny(problems);
        try {
            return new StateDict(castMap((Map<?, ?>) state), typedGroups);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptimizerException("state_dict", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map; // key types are checked by JsonValues.readOnlyMap
    }
}
