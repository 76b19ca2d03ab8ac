package dev.textopt.optim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks param groups about to be added and completes their options: from the defaults (as
 * {@code add_param_group} does) or not at all (when a saved optimizer is rebuilt, its options are
 * already complete). Problems are collected for all groups, so one answer lists them all.
 */
final class GroupChecker {

    private final OptionsSchema schema;
    private final Map<String, Object> defaults;
    private final int firstIndex;
    private final Map<String, String> groupOfParam = new HashMap<>();

    GroupChecker(OptionsSchema schema, Map<String, Object> defaults, List<ParamGroup> existing) {
        this.schema = schema;
        this.defaults = defaults;
        this.firstIndex = existing.size();
        for (int i = 0; i < existing.size(); i++) {
            for (Parameter p : existing.get(i).params()) {
                groupOfParam.put(p.id(), "param_groups[" + i + "]");
            }
        }
    }

    List<ParamGroup> check(List<ParamGroupSpec> specs, boolean fillFromDefaults, List<Problem> problems) {
        List<ParamGroup> groups = new ArrayList<>();
        for (int j = 0; j < specs.size(); j++) {
            String path = "param_groups[" + (firstIndex + j) + "]";
            ParamGroupSpec spec = specs.get(j);
            int before = problems.size();
            checkParams(spec.params(), path, problems);
            Map<String, Object> options = completeOptions(spec.options(), fillFromDefaults, path, problems);
            // Incomplete options only happen when the defaults were refused already; don't pile on.
            if (problems.size() == before && options.keySet().containsAll(schema.keys())) {
                problems.addAll(fillFromDefaults ? schema.checkGiven(options, path) : schema.check(options, path));
            }
            if (problems.size() == before && options.keySet().containsAll(schema.keys())) {
                groups.add(new ParamGroup(spec.params(), options));
            }
        }
        return groups;
    }

    private void checkParams(List<Parameter> params, String path, List<Problem> problems) {
        if (params.isEmpty()) {
            problems.add(new Problem(path + ".params", "a param group needs at least one parameter"));
        }
        for (int n = 0; n < params.size(); n++) {
            String id = params.get(n).id();
            String earlier = groupOfParam.putIfAbsent(id, path);
            if (earlier != null) {
                String where = earlier.equals(path) ? "appears twice in this group" : "is already in " + earlier;
                problems.add(new Problem(path + ".params[" + n + "]",
                        "parameter \"" + id + "\" " + where + "; a parameter may be in one group only "
                                + "(torch: some parameters appear in more than one parameter group)"));
            }
        }
    }

    private Map<String, Object> completeOptions(Map<String, Object> given, boolean fill, String path, List<Problem> problems) {
        for (String key : given.keySet()) {
            if (!schema.keys().contains(key)) {
                problems.add(new Problem(path + "." + key, "unknown option; known options: " + String.join(", ", schema.keys())));
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (String key : schema.keys()) {
            if (given.containsKey(key)) {
                options.put(key, given.get(key));
            } else if (fill && defaults.containsKey(key)) {
                options.put(key, defaults.get(key)); // defaults are read-only trees, safe to share
            } else if (!fill) {
                problems.add(new Problem(path + "." + key, "missing; a restored group must have every option"));
            }
        }
        try {
            return JsonValues.readOnlyMap(options);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, e.getMessage()));
            return options;
        }
    }
}
