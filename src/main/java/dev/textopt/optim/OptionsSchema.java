package dev.textopt.optim;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What options a concrete optimizer understands. The base {@link Optimizer} uses it to fill, order and
 * check group options without knowing what they mean; it is passed to the base constructor because a
 * subclass' own fields are not yet set while the base constructor adds the first groups.
 */
public interface OptionsSchema {

    /** Every option key, in the order options are kept and exported. */
    List<String> keys();

    /** Keys whose value is the name of a model client; a state dict shows the client there instead. */
    Set<String> modelClientKeys();

    /**
     * Problems with a complete set of options (every key present, no unknown key). Fields are prefixed
     * with {@code path}, e.g. {@code param_groups[1]} gives {@code param_groups[1].momentum}.
     */
    List<Problem> check(Map<String, Object> options, String path);

    /**
     * {@link #check}, and the rules for options given now (a new optimizer or group, an edit, an import)
     * that options saved before those rules existed need not meet: a saved optimizer is rebuilt with
     * {@link #check} only, so that a rule added later never locks a stored session out of its steps.
     */
    default List<Problem> checkGiven(Map<String, Object> options, String path) {
        return check(options, path);
    }
}
