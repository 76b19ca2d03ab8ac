package dev.textopt.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A param group as a caller asks for it: parameters plus the options it sets itself. Options it leaves
 * out are filled from the optimizer's defaults when the group is added.
 */
public record ParamGroupSpec(List<Parameter> params, Map<String, Object> options) {

    public ParamGroupSpec {
        Objects.requireNonNull(params, "params");
        params = List.copyOf(params);
        // LinkedHashMap rather than Map.copyOf: keeps the caller's key order and allows null values.
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public ParamGroupSpec(List<Parameter> params) {
        this(params, Map.of());
    }
}
