package dev.textopt.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a state dict's {@code state}: index → {@code {"momentum_buffer": [[variable, [gradients]], ...]}}. */
final class MomentumReader {

    private MomentumReader() {
    }

    static Map<String, ParamState> read(Map<String, Object> state, Map<Long, Parameter> paramOfIndex, List<Problem> problems) {
        Map<String, ParamState> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : state.entrySet()) {
            String path = "state_dict.state." + e.getKey();
            Parameter param = parseIndex(e.getKey()) == null ? null : paramOfIndex.get(parseIndex(e.getKey()));
            if (param == null) {
                problems.add(new Problem(path, "no param group lists index " + e.getKey()));
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> entry) || !(entry.get("momentum_buffer") instanceof List<?> buffer)) {
                problems.add(new Problem(path, "must be {\"momentum_buffer\": [[variable, [gradients]], ...]}"));
                continue;
            }
            List<MomentumEntry> entries = new ArrayList<>();
            for (int n = 0; n < buffer.size(); n++) {
                MomentumEntry m = entry(buffer.get(n), path + ".momentum_buffer[" + n + "]", problems);
                if (m != null) {
                    entries.add(m);
                }
            }
            result.put(param.id(), new ParamState(entries));
        }
        return result;
    }

    private static Long parseIndex(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static MomentumEntry entry(Object value, String path, List<Problem> problems) {
        if (!(value instanceof List<?> pair) || pair.size() != 2
                || !(pair.get(0) instanceof Map<?, ?> snapshot) || !(pair.get(1) instanceof List<?> grads)) {
            problems.add(new Problem(path, "must be a pair [variable, [gradients]]"));
            return null;
        }
        if (!(snapshot.get("data") instanceof String data)) {
            problems.add(new Problem(path + "[0].data", "must be a string"));
            return null;
        }
        Variable variable = new Variable(data, text(snapshot.get("role")), Boolean.TRUE.equals(snapshot.get("requires_grad")));
        List<Gradient> gradients = new ArrayList<>();
        for (int g = 0; g < grads.size(); g++) {
            if (!(grads.get(g) instanceof Map<?, ?> grad) || !(grad.get("data") instanceof String gradData)) {
                problems.add(new Problem(path + "[1][" + g + "]", "must be a gradient {data, role, context?}"));
                return null;
            }
            gradients.add(new Gradient(gradData, text(grad.get("role")), grad.get("context") instanceof String c ? c : null));
        }
        return new MomentumEntry(variable, gradients);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }
}
