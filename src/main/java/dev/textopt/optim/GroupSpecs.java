package dev.textopt.optim;

import java.util.List;

/** Reads an optimizer's {@code params} argument, which is either Parameters (one group) or group specs. */
final class GroupSpecs {

    private GroupSpecs() {
    }

    static List<ParamGroupSpec> from(List<?> params, List<Problem> problems) {
        if (params == null || params.isEmpty()) {
            problems.add(new Problem("params", "the optimizer got an empty parameter list; give at least one parameter"));
            return List.of();
        }
        if (params.stream().allMatch(p -> p instanceof Parameter)) {
            List<Parameter> single = params.stream().map(Parameter.class::cast).toList();
            return List.of(new ParamGroupSpec(single));
        }
        if (params.stream().allMatch(p -> p instanceof ParamGroupSpec)) {
            return params.stream().map(ParamGroupSpec.class::cast).toList();
        }
        problems.add(new Problem("params",
                "give either a list of parameters (one group) or a list of param groups, not a mix"));
        return List.of();
    }
}
