package dev.textopt.optim;

import java.util.List;
import java.util.Map;

/**
 * A param group as the optimizer holds it: its parameters and its complete options (defaults already
 * filled in, in the optimizer's key order). The options map is a read-only JSON-like tree (String,
 * Number, Boolean, List, Map, null); the parameters themselves stay mutable.
 */
public final class ParamGroup {

    private final List<Parameter> params;
    private final Map<String, Object> options;

    ParamGroup(List<Parameter> params, Map<String, Object> options) {
        this.params = List.copyOf(params);
        this.options = JsonValues.readOnlyMap(options);
    }

    public List<Parameter> params() {
        return params;
    }

    public Map<String, Object> options() {
        return options;
    }

    @Override
    public String toString() {
        return "ParamGroup[params=" + params.stream().map(Parameter::id).toList() + ", options=" + options.keySet() + "]";
    }
}
