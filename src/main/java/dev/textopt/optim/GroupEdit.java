package dev.textopt.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options a group has after an edit: the options given replace the group's, the others stay. They
 * are checked as a whole with the rules for options given now, like a new group's, so an edit can
 * neither leave a group that a step would refuse nor pass what creating the group would not.
 */
final class GroupEdit {

    private GroupEdit() {
    }

    /** The group's new options, in the schema's key order; throws {@link InvalidOptimizerException} listing every problem. */
    static Map<String, Object> apply(OptionsSchema schema, Map<String, Object> current, Map<String, Object> changes, String path) {
        List<Problem> problems = new ArrayList<>();
        for (String key : changes.keySet()) {
            if (!schema.keys().contains(key)) {
                problems.add(new Problem(path + "." + key, "unknown option; known options: " + String.join(", ", schema.keys())));
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (String key : schema.keys()) {
            options.put(key, changes.containsKey(key) ? changes.get(key) : current.get(key));
        }
        InvalidOptimizerException.throwIfAny(problems);
        Map<String, Object> edited;
        try {
            edited = JsonValues.readOnlyMap(options);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptimizerException(path, e.getMessage());
        }
        InvalidOptimizerException.throwIfAny(schema.checkGiven(edited, path));
        return edited;
    }
}
