package dev.textopt.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TGD param group's options, parsed and checked. The group itself keeps the JSON-like map (what
 * users gave and exports show); this record is what a step works with.
 *
 * @param modelClient    name of a configured model client
 * @param messages       the optimizer conversation's turns, as templates
 * @param inputs         values for extra placeholders, by name
 * @param constraints    texts the improved value must respect
 * @param momentum       how many past steps per parameter to remember and show to the model
 * @param completionArgs passed to the model client as they are
 */
public record TgdOptions(String modelClient, List<MessageTemplate> messages, Map<String, String> inputs,
                         List<String> constraints, int momentum, Map<String, Object> completionArgs) {

    public static final String MODEL_CLIENT = "model_client";
    public static final String MESSAGES = "messages";
    public static final String INPUTS = "inputs";
    public static final String CONSTRAINTS = "constraints";
    public static final String MOMENTUM = "momentum";
    public static final String COMPLETION_ARGS = "completion_args";

    /** Every option key in the order groups keep them. */
    public static final List<String> KEYS = List.of(MODEL_CLIENT, MESSAGES, INPUTS, CONSTRAINTS, MOMENTUM, COMPLETION_ARGS);

    /** Placeholders every template may use; {@code inputs} keys add to them. */
    public static final Set<String> BUILT_IN_PLACEHOLDERS = Set.of("role", "variable", "feedback", "past_iterations", "constraints");

    public TgdOptions {
        messages = List.copyOf(messages);
        inputs = Map.copyOf(inputs);
        constraints = List.copyOf(constraints);
        completionArgs = JsonValues.readOnlyMap(completionArgs);
    }

    /** Parses options already accepted by a group; throws {@link InvalidOptimizerException} otherwise. */
    public static TgdOptions from(Map<String, Object> options) {
        List<Problem> problems = new ArrayList<>();
        TgdOptions parsed = TgdOptionsParser.parse(options, "options", problems);
        InvalidOptimizerException.throwIfAny(problems);
        return parsed;
    }
}
