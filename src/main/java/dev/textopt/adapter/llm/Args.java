package dev.textopt.adapter.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed reads of {@code completion_args} values, refusing wrong types with a message naming the argument. */
final class Args {

    static final String STREAMING = "a call reads one whole answer; textopt does not stream";
    static final String TOOLS = "the optimizer asks for a text answer, not for tool or function calls";
    static final String MESSAGES = "the conversation is built from the group's messages option; change it there";

    /**
     * Arguments both providers' APIs know that make no sense for the one text answer a call asks for,
     * each with the reason a refusal gives.
     */
    static final Map<String, String> NOT_FOR_ONE_TEXT_ANSWER = Map.of("stream", STREAMING, "tools", TOOLS,
            "tool_choice", TOOLS, "messages", MESSAGES);

    private Args() {
    }

    /** Refuses, with the reason of each, arguments that {@code reasons} lists. */
    static void refuseSenseless(Map<String, Object> args, Map<String, String> reasons) {
        Map<String, String> refused = new LinkedHashMap<>();
        new TreeSet<>(args.keySet()).stream().filter(reasons::containsKey).forEach(key -> refused.put(key, reasons.get(key)));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("completion_args not accepted: " + String.join("; ",
                    refused.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
        }
    }

    /** The arguments both providers take: model, temperature, top_p, max_tokens, max_completion_tokens. */
    static void checkShared(Map<String, Object> args) {
        string(args, "model");
        number(args, "temperature");
        number(args, "top_p");
        integer(args, "max_tokens", true);
        integer(args, "max_completion_tokens", true);
    }

    /** Refuses every key not in {@code known}, naming them all and what is accepted. */
    static void refuseUnknown(Map<String, Object> args, Set<String> known, String provider) {
        Set<String> unknown = new TreeSet<>(args.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("completion_args not supported by " + provider + ": "
                    + String.join(", ", unknown) + " (supported: " + String.join(", ", new TreeSet<>(known)) + ")");
        }
    }

    static String string(Map<String, Object> args, String key) {
        Object value = args.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw wrongType(key, "a non-empty string");
        }
        return text;
    }

    static Double number(Map<String, Object> args, String key) {
        Object value = args.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || Double.isNaN(number.doubleValue())) {
            throw wrongType(key, "a number");
        }
        if (number.doubleValue() < 0) {
            throw wrongType(key, "a number >= 0");
        }
        return number.doubleValue();
    }

    static Integer integer(Map<String, Object> args, String key, boolean positive) {
        Object value = args.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            throw wrongType(key, "an integer");
        }
        if (positive && number.intValue() < 1) {
            throw wrongType(key, "an integer >= 1");
        }
        return number.intValue();
    }

    /** A number from {@code min} to {@code max}, which may be negative (a penalty, say). */
    static Double number(Map<String, Object> args, String key, double min, double max) {
        Object value = args.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || !(number.doubleValue() >= min && number.doubleValue() <= max)) {
            throw wrongType(key, "a number from " + min + " to " + max);
        }
        return number.doubleValue();
    }

    static Boolean bool(Map<String, Object> args, String key) {
        Object value = args.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw wrongType(key, "true or false");
        }
        return (Boolean) value;
    }

    /** An object whose values are texts, with at most {@code maxEntries} entries. */
    static Map<String, String> texts(Map<String, Object> args, String key, int maxEntries) {
        Object value = args.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map) || map.size() > maxEntries
                || !map.values().stream().allMatch(String.class::isInstance)) {
            throw wrongType(key, "an object of at most " + maxEntries + " keys whose values are texts");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((k, v) -> texts.put(String.valueOf(k), (String) v));
        return texts;
    }

    /** One of {@code allowed}, as the provider spells it. */
    static String oneOf(Map<String, Object> args, String key, Set<String> allowed) {
        String value = string(args, key);
        if (value != null && !allowed.contains(value)) {
            throw wrongType(key, "one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }

    /** A string or a list of strings, as the OpenAI API accepts for {@code stop}. */
    static List<String> strings(Map<String, Object> args, String key) {
        Object value = args.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw wrongType(key, "a string or a list of strings");
    }

    static IllegalArgumentException wrongType(String key, String expected) {
        return new IllegalArgumentException("completion_args." + key + " must be " + expected);
    }
}
