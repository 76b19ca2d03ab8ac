package dev.textopt.optim.training;

import dev.textopt.optim.ModelClient;
import dev.textopt.optim.ModelClients;
import dev.textopt.optim.ParamGroup;
import dev.textopt.optim.Parameter;
import dev.textopt.optim.Problem;
import dev.textopt.optim.TgdOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which model plays a role (forward, judge or backward): a configured client's name and the completion
 * arguments it is called with.
 *
 * <p>A request may name the client, the arguments, both or neither. What it leaves out comes from the
 * param group of the first parameter involved ({@link #resolve}): forward, the first {@code {"param"}}
 * item in message order; judge, the first parameter of the trace's forward; backward, the first parameter
 * of the trace. Naming a client without arguments calls it with none (its own configured defaults), since
 * the group's arguments were written for the group's client.
 */
public record ModelRole(String client, Map<String, Object> completionArgs) {

    public ModelRole {
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("a model role needs a client name");
        }
        // LinkedHashMap rather than Map.copyOf: keeps the caller's key order and allows null values.
        completionArgs = completionArgs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(completionArgs));
    }

    /**
     * The role as a request asked for it, its gaps filled from the group of the first of {@code paramIds}
     * that is in one of {@code groups}. Empty when a gap remains: no client named and no such parameter.
     *
     * @param client         the request's {@code model_client}, or null
     * @param completionArgs the request's {@code completion_args}, or null
     */
    public static Optional<ModelRole> resolve(String client, Map<String, Object> completionArgs,
                                              List<ParamGroup> groups, List<String> paramIds) {
        return resolve(client, completionArgs, id -> optionsOfGroupWith(groups, id), paramIds);
    }

    /**
     * The same, for a caller that keeps groups its own way (the session layer, with stored groups):
     * {@code groupOptionsOf} gives the options of the group holding a parameter id, empty for an unknown id.
     */
    public static Optional<ModelRole> resolve(String client, Map<String, Object> completionArgs,
                                              Function<String, Optional<Map<String, Object>>> groupOptionsOf, List<String> paramIds) {
        if (client != null) {
            return Optional.of(new ModelRole(client, completionArgs));
        }
        return paramIds.stream().map(groupOptionsOf).flatMap(Optional::stream).findFirst().map(ModelRole::fromOptions)
                .map(d -> completionArgs == null ? d : new ModelRole(d.client(), completionArgs));
    }

    private static Optional<Map<String, Object>> optionsOfGroupWith(List<ParamGroup> groups, String paramId) {
        return groups.stream().filter(g -> g.params().stream().map(Parameter::id).anyMatch(paramId::equals)).findFirst()
                .map(ParamGroup::options);
    }

    @SuppressWarnings("unchecked")
    private static ModelRole fromOptions(Map<String, Object> options) {
        Object args = options.get(TgdOptions.COMPLETION_ARGS);
        return new ModelRole((String) options.get(TgdOptions.MODEL_CLIENT), args instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    /**
     * What is wrong with calling this role, checked when the request is made: a client that is not
     * configured, or arguments it refuses. Fields are {@code prefix + "model_client"} and
     * {@code prefix + "completion_args"}, e.g. prefix {@code "evaluator."}.
     */
    public List<Problem> problems(ModelClients clients, String prefix) {
        List<Problem> problems = new ArrayList<>();
        Optional<ModelClient> found = clients.find(client);
        if (found.isEmpty()) {
            problems.add(new Problem(prefix + TgdOptions.MODEL_CLIENT, "no model client named \"" + client
                    + "\"; configured clients: " + String.join(", ", new TreeSet<>(clients.names()))));
            return problems;
        }
        try {
            found.get().checkCompletionArgs(completionArgs);
        } catch (RuntimeException e) {
            problems.add(new Problem(prefix + TgdOptions.COMPLETION_ARGS, String.valueOf(e.getMessage())));
        }
        return problems;
    }
}
