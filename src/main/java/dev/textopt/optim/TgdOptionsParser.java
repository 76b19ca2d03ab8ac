package dev.textopt.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Parses the JSON-like options of a TGD group into {@link TgdOptions}, collecting every problem. */
final class TgdOptionsParser {

    private static final Set<String> VARIABLE_KEYS = Set.of("data", "role", "requires_grad");

    private final String path;
    private final List<Problem> problems;

    private TgdOptionsParser(String path, List<Problem> problems) {
        this.path = path;
        this.problems = problems;
    }

    /** The parsed options, or null when a problem was added. */
    static TgdOptions parse(Map<String, Object> options, String path, List<Problem> problems) {
        int before = problems.size();
        TgdOptionsParser p = new TgdOptionsParser(path, problems);
        String client = p.modelClient(options.get(TgdOptions.MODEL_CLIENT));
        Map<String, String> inputs = p.inputs(options.get(TgdOptions.INPUTS));
        List<MessageTemplate> messages = p.messages(options.get(TgdOptions.MESSAGES), inputs.keySet());
        List<String> constraints = p.constraints(options.get(TgdOptions.CONSTRAINTS));
        int momentum = p.momentum(options.get(TgdOptions.MOMENTUM));
        Map<String, Object> args = p.completionArgs(options.get(TgdOptions.COMPLETION_ARGS));
        return problems.size() > before ? null : new TgdOptions(client, messages, inputs, constraints, momentum, args);
    }

    private void problem(String field, String message) {
        problems.add(new Problem(path + "." + field, message));
    }

    private String modelClient(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        problem(TgdOptions.MODEL_CLIENT, "must be the name of a configured model client, e.g. \"openai\"");
        return null;
    }

    private Map<String, String> inputs(Object value) {
        Map<String, String> inputs = new LinkedHashMap<>();
        if (!(value instanceof Map<?, ?> map)) {
            problem(TgdOptions.INPUTS, "must be an object of placeholder name to text, found " + JsonValues.typeName(value));
            return inputs;
        }
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (TgdOptions.BUILT_IN_PLACEHOLDERS.contains(key)) {
                problem(TgdOptions.INPUTS + "." + key, "is a built-in placeholder; choose another name");
            } else if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problem(TgdOptions.INPUTS + "." + key, "a placeholder name has letters, digits and '_' only");
            } else {
                String text = text(v, TgdOptions.INPUTS + "." + key);
                if (text != null) {
                    inputs.put(key, text);
                }
            }
        });
        return inputs;
    }

    private List<MessageTemplate> messages(Object value, Set<String> inputNames) {
        List<MessageTemplate> turns = new ArrayList<>();
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problem(TgdOptions.MESSAGES, "must be a non-empty list of {\"role\": \"system\"|\"user\"|\"assistant\", \"content\": [...]}");
            return turns;
        }
        Set<String> known = new TreeSet<>(TgdOptions.BUILT_IN_PLACEHOLDERS);
        known.addAll(inputNames);
        for (int i = 0; i < list.size(); i++) {
            MessageTemplate turn = turn(list.get(i), TgdOptions.MESSAGES + "[" + i + "]", i, known);
            if (turn != null) {
                turns.add(turn);
            }
        }
        return turns;
    }

    private MessageTemplate turn(Object value, String field, int index, Set<String> known) {
        if (!(value instanceof Map<?, ?> map)) {
            problem(field, "must be {\"role\": ..., \"content\": [...]}, found " + JsonValues.typeName(value));
            return null;
        }
        ChatMessage.Role role = null;
        if (map.get("role") instanceof String r && Set.of("system", "user", "assistant").contains(r)) {
            role = ChatMessage.Role.valueOf(r.toUpperCase(Locale.ROOT));
        } else {
            problem(field + ".role", "must be \"system\", \"user\" or \"assistant\"");
        }
        String text = content(map.get("content"), field + ".content");
        if (role == null || text == null) {
            return null;
        }
        String turnName = "turn " + index + " (" + role.name().toLowerCase(Locale.ROOT) + ")";
        try {
            PromptTemplate template = PromptTemplate.parse(text);
            List<String> unknown = template.placeholders().stream().filter(n -> !known.contains(n)).toList();
            if (!unknown.isEmpty()) {
                problem(field + ".content", turnName + " uses unknown placeholder(s) "
                        + unknown.stream().map(n -> "{" + n + "}").toList() + "; known placeholders: " + known
                        + " (add others to inputs), or write {{ and }} for literal braces");
                return null;
            }
            return new MessageTemplate(role, template);
        } catch (PromptTemplate.SyntaxException e) {
            problem(field + ".content", turnName + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * The turn's texts joined with newlines; each item is a string or a Variable {@code {data, role, requires_grad}}.
     * Read more leniently than {@link #text}: sessions stored before that check may carry other keys here.
     */
    private String content(Object value, String field) {
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            problem(field, "must be a non-empty list of texts or variables {\"data\": ..., \"role\": ...}");
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int j = 0; j < items.size(); j++) {
            Object item = items.get(j);
            if (item instanceof String s) {
                texts.add(s);
            } else if (item instanceof Map<?, ?> variable && variable.get("data") instanceof String data) {
                texts.add(data);
            } else {
                problem(field + "[" + j + "]", "must be a text or a variable {\"data\": ..., \"role\": ...}");
                return null;
            }
        }
        return String.join("\n", texts);
    }

    private List<String> constraints(Object value) {
        List<String> texts = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            problem(TgdOptions.CONSTRAINTS, "must be a list of texts or variables {\"data\": ..., \"role\": ...}, found "
                    + JsonValues.typeName(value));
            return texts;
        }
        for (int i = 0; i < list.size(); i++) {
            String text = text(list.get(i), TgdOptions.CONSTRAINTS + "[" + i + "]");
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /**
     * A text given as a string or, as afnio allows for constraints and inputs, as a Variable
     * {@code {"data": ..., "role": ..., "requires_grad": ...}} whose data is the text. The option keeps
     * what was given (an export shows the Variable); only the text reaches the prompt.
     */
    private String text(Object value, String field) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> variable && variable.get("data") instanceof String data
                && VARIABLE_KEYS.containsAll(variable.keySet())
                && (variable.get("role") == null || variable.get("role") instanceof String)
                && (variable.get("requires_grad") == null || variable.get("requires_grad") instanceof Boolean)) {
            return data;
        }
        problem(field, "must be a text or a variable {\"data\": \"…\", \"role\": \"…\", \"requires_grad\": false}, found "
                + JsonValues.typeName(value) + (value instanceof Map<?, ?> map ? " with keys " + map.keySet() : ""));
        return null;
    }

    private int momentum(Object value) {
        Long n = JsonValues.wholeNumber(value);
        if (n == null) {
            problem(TgdOptions.MOMENTUM, "must be a whole number >= 0 (how many past steps to remember), found " + value);
        } else if (n < 0 || n > Integer.MAX_VALUE) {
            problem(TgdOptions.MOMENTUM, "must be >= 0 (0 remembers nothing), found " + n);
        } else {
            return n.intValue();
        }
        return 0;
    }

    private Map<String, Object> completionArgs(Object value) {
        if (value instanceof Map<?, ?> map) {
            return JsonValues.readOnlyMap(map);
        }
        problem(TgdOptions.COMPLETION_ARGS, "must be an object such as {\"model\": \"gpt-4o\"}, found " + JsonValues.typeName(value));
        return Map.of();
    }
}
