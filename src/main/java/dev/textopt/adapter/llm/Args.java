package dev.textopt.adapter.llm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed reads of {@code completion_args} values, refusing wrong types with a message naming the argument. */
final class Args {

    private Args() {
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

    /** The arguments both providers take: model, temperature, top_p, max_tokens, max_completion_tokens. */
    static void checkShared(Map<String, Object> args) {
        string(args, "model");
        number(args, "temperature");
        number(args, "top_p");
        integer(args, "max_tokens", true);
        integer(args, "max_completion_tokens", true);
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
