package dev.textopt.optim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each placeholder of a TGD template expands to for one parameter. The optional blocks
 * ({@code past_iterations}, {@code constraints}) carry their own tags and a trailing blank line when
 * they have content and are empty otherwise, so a template that places them directly before the next
 * text shows nothing at all, not even an empty line, when they are empty.
 */
final class PromptValues {

    private PromptValues() {
    }

    static Map<String, String> of(Parameter param, List<Gradient> grads, List<MomentumEntry> history, TgdOptions options) {
        Map<String, String> values = new HashMap<>(options.inputs());
        values.put("role", param.role());
        values.put("variable", param.data());
        values.put("feedback", feedback(grads));
        values.put("past_iterations", pastIterations(history, options.momentum()));
        values.put("constraints", constraints(options.constraints()));
        return values;
    }

    static String feedback(List<Gradient> grads) {
        StringBuilder out = new StringBuilder();
        for (Gradient g : grads) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (g.context() != null && !g.context().isBlank()) {
                out.append("<CONTEXT>").append(g.context()).append("</CONTEXT>\n");
            }
            out.append("<FEEDBACK>").append(g.data()).append("</FEEDBACK>");
        }
        return out.toString();
    }

    /** The newest {@code momentum} entries, oldest first; empty when momentum is 0 or nothing is remembered. */
    static String pastIterations(List<MomentumEntry> history, int momentum) {
        List<MomentumEntry> shown = history.subList(Math.max(0, history.size() - momentum), history.size());
        if (shown.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<PAST_ITERATIONS>\n");
        for (int i = 0; i < shown.size(); i++) {
            MomentumEntry e = shown.get(i);
            out.append("<ITERATION number=\"").append(i + 1).append("\">\n")
                    .append("<VALUE>").append(e.snapshot().data()).append("</VALUE>\n")
                    .append(feedback(e.grads())).append("\n</ITERATION>\n");
        }
        return out.append("</PAST_ITERATIONS>\n\n").toString();
    }

    static String constraints(List<String> constraints) {
        if (constraints.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<CONSTRAINTS>\n");
        for (int i = 0; i < constraints.size(); i++) {
            out.append(i + 1).append(". ").append(constraints.get(i)).append('\n');
        }
        return out.append("</CONSTRAINTS>\n\n").toString();
    }
}
