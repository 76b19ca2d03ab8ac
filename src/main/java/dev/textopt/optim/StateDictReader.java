package dev.textopt.optim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks a {@link StateDict} against the optimizer it is loaded into and reads it, all before the
 * optimizer changes, so that a refused load leaves it exactly as it was (torch {@code load_state_dict}).
 */
final class StateDictReader {

    /** What a load brings: options and state, which replace the optimizer's, and usage, which is added to its own. */
    record Loaded(List<Map<String, Object>> options, Map<String, ParamState> state, Map<String, Usage> usage) {
    }

    private final OptionsSchema schema;
    private final ModelClients clients;
    private final List<ParamGroup> groups;
    private final Map<String, Usage> currentUsage;
    private final List<Problem> problems = new ArrayList<>();

    /** {@code currentUsage}: the optimizer's usage so far, which the saved usage is added to. */
    StateDictReader(OptionsSchema schema, ModelClients clients, List<ParamGroup> groups, Map<String, Usage> currentUsage) {
        this.schema = schema;
        this.clients = clients;
        this.groups = groups;
        this.currentUsage = currentUsage;
    }

    Loaded read(StateDict dict, Map<String, String> modelClients) {
        Map<String, String> chosen = modelClients == null ? Map.of() : modelClients;
        List<Map<String, Object>> saved = dict.paramGroups();
        if (saved.size() != groups.size()) {
            throw new InvalidOptimizerException("state_dict.param_groups", "state dict has " + saved.size()
                    + " param group(s), the optimizer has " + groups.size() + "; load a state dict of an optimizer with the same groups");
        }
        Map<Long, Parameter> paramOfIndex = new HashMap<>();
        List<Map<String, Object>> options = new ArrayList<>();
        Map<String, Usage> usage = new LinkedHashMap<>();
        for (int i = 0; i < saved.size(); i++) {
            options.add(readGroup(i, saved.get(i), chosen, paramOfIndex, usage));
        }
        Map<String, ParamState> state = MomentumReader.read(dict.state(), paramOfIndex, problems);
        InvalidOptimizerException.throwIfAny(problems);
        return new Loaded(options, state, usage);
    }

    private Map<String, Object> readGroup(int i, Map<String, Object> group, Map<String, String> chosen,
                                          Map<Long, Parameter> paramOfIndex, Map<String, Usage> usage) {
        String path = "state_dict.param_groups[" + i + "]";
        int before = problems.size();
        readIndices(group.get("params"), groups.get(i).params(), path + ".params", paramOfIndex);
        for (String key : group.keySet()) {
            if (!key.equals("params") && !schema.keys().contains(key)) {
                problems.add(new Problem(path + "." + key, "unknown option; known options: " + String.join(", ", schema.keys())));
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (String key : schema.keys()) {
            if (!group.containsKey(key)) {
                problems.add(new Problem(path + "." + key, "missing"));
            } else if (schema.modelClientKeys().contains(key)) {
                options.put(key, chooseClient(key, group.get(key), chosen, path + "." + key, usage));
            } else {
                options.put(key, group.get(key));
            }
        }
        if (problems.size() == before) {
            problems.addAll(schema.check(options, path));
        }
        return options;
    }

    private void readIndices(Object value, List<Parameter> params, String path, Map<Long, Parameter> paramOfIndex) {
        if (!(value instanceof List<?> indices)) {
            problems.add(new Problem(path, "must be a list of parameter indices, found " + JsonValues.typeName(value)));
            return;
        }
        if (indices.size() != params.size()) {
            problems.add(new Problem(path, "the state dict's group has " + indices.size()
                    + " parameter(s), the optimizer's has " + params.size() + "; groups must have the same sizes"));
            return;
        }
        for (int n = 0; n < indices.size(); n++) {
            Long index = JsonValues.wholeNumber(indices.get(n));
            int total = groups.stream().mapToInt(g -> g.params().size()).sum();
            if (index == null || index < 0 || index >= total) {
                problems.add(new Problem(path + "[" + n + "]", "must be a parameter index from 0 to " + (total - 1)));
            } else if (paramOfIndex.putIfAbsent(index, params.get(n)) != null) {
                problems.add(new Problem(path + "[" + n + "]", "index " + index + " appears more than once"));
            }
        }
    }

    /** The configured client to use for a saved client, checked to be of the same class type. */
    private String chooseClient(String key, Object saved, Map<String, String> chosen, String path, Map<String, Usage> usage) {
        if (!(saved instanceof Map<?, ?> descriptor) || !(descriptor.get("class_type") instanceof String classType)) {
            problems.add(new Problem(path, "must be a model client {class_type, name, provider, usage}"));
            return null;
        }
        String name = chosen.get(key);
        if (name == null) {
            problems.add(new Problem("model_clients", "model_clients has no entry for \"" + key
                    + "\"; expected a client of class type " + classType));
            return null;
        }
        Optional<ModelClient> client = clients.find(name);
        if (client.isEmpty()) {
            problems.add(new Problem("model_clients." + key, "no model client named \"" + name
                    + "\"; configured clients: " + String.join(", ", new TreeSet<>(clients.names()))));
        } else if (!client.get().classType().equals(classType)) {
            problems.add(new Problem("model_clients." + key, "client \"" + name + "\" is of class type "
                    + client.get().classType() + "; the state dict expects " + classType));
        }
        UsageReader.read(descriptor.get("usage"), path + ".usage", problems).ifPresent(loaded -> {
            if (UsageReader.tooLarge(currentUsage.getOrDefault(name, Usage.NONE).plus(loaded))) {
                problems.add(new Problem(path + ".usage", "added to the usage of client \"" + name + "\" so far, it would pass "
                        + UsageReader.MAX_TOKENS + " tokens or " + UsageReader.MAX_AMOUNT.toPlainString() + " USD"));
            } else {
                usage.put(name, loaded);
            }
        });
        return name;
    }
}
