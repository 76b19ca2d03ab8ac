package dev.textopt.optim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns an optimizer into its {@link StateDict}. */
final class StateDictWriter {

    private StateDictWriter() {
    }

    static StateDict write(List<ParamGroup> groups, Map<String, ParamState> state, Map<String, Usage> usage,
                           OptionsSchema schema, ModelClients clients) {
        Map<String, Integer> indexOf = new HashMap<>();
        Map<String, Object> stateTree = new LinkedHashMap<>();
        List<Map<String, Object>> groupTrees = new ArrayList<>();
        for (ParamGroup group : groups) {
            List<Object> indices = new ArrayList<>();
            for (Parameter p : group.params()) {
                int index = indexOf.size();
                indexOf.put(p.id(), index);
                indices.add(index);
                ParamState s = state.get(p.id());
                if (s != null) {
                    stateTree.put(String.valueOf(index), Map.of("momentum_buffer", momentumTree(s)));
                }
            }
            Map<String, Object> tree = new LinkedHashMap<>();
            group.options().forEach((key, value) -> tree.put(key, schema.modelClientKeys().contains(key)
                    ? clientTree((String) value, clients.find((String) value), usage.getOrDefault(value, Usage.NONE))
                    : value));
            tree.put("params", indices);
            groupTrees.add(tree);
        }
        return new StateDict(stateTree, groupTrees);
    }

    private static List<Object> momentumTree(ParamState s) {
        List<Object> entries = new ArrayList<>();
        for (MomentumEntry e : s.momentumBuffer()) {
            entries.add(List.of(variableTree(e.snapshot()), e.grads().stream().map(StateDictWriter::gradientTree).toList()));
        }
        return entries;
    }

    static Map<String, Object> variableTree(Variable v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", v.data());
        m.put("role", v.role());
        m.put("requires_grad", v.requiresGrad());
        return m;
    }

    static Map<String, Object> gradientTree(Gradient g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", g.data());
        m.put("role", g.role());
        if (g.context() != null) {
            m.put("context", g.context());
        }
        return m;
    }

    /** A client as a state dict shows it: what it is and what it cost, never how it is configured. */
    private static Map<String, Object> clientTree(String name, Optional<ModelClient> client, Usage usage) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_type", client.map(ModelClient::classType).orElse(null));
        m.put("name", name);
        m.put("provider", client.map(ModelClient::provider).orElse(null));
        m.put("usage", usageTree(usage));
        return m;
    }

    static Map<String, Object> usageTree(Usage usage) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("amount", usage.cost().amount());
        cost.put("currency", usage.cost().currency());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("prompt_tokens", usage.tokens().promptTokens());
        m.put("completion_tokens", usage.tokens().completionTokens());
        m.put("total_tokens", usage.tokens().totalTokens());
        m.put("cost", cost);
        return m;
    }
}
