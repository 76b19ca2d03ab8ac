package dev.textopt.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes {@code textopt.model-clients.<name>.completion-args} look like the {@code completion_args} of
 * the API. Spring's relaxed binding loses underscores in map keys and hands values from the environment
 * over as text, so {@code COMPLETIONARGS_MAXCOMPLETIONTOKENS=256} arrives as
 * {@code maxcompletiontokens="256"}; this restores {@code max_completion_tokens=256}. Unknown keys are
 * left alone, for the client to refuse by name.
 */
final class CompletionArgsNormalizer {

    private static final List<String> KNOWN = List.of("model", "temperature", "top_p", "max_tokens",
            "max_completion_tokens", "reasoning_effort", "seed", "stop", "response_format");

    private static final Set<String> INTEGERS = Set.of("max_tokens", "max_completion_tokens", "seed");

    private static final Set<String> NUMBERS = Set.of("temperature", "top_p");

    private CompletionArgsNormalizer() {
    }

    static Map<String, Object> normalize(Map<String, Object> args) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        if (args == null) {
            return normalized;
        }
        args.forEach((key, value) -> {
            String name = canonical(key);
            normalized.put(name, value(name, value));
        });
        return normalized;
    }

    private static String canonical(String key) {
        String squashed = squash(key);
        return KNOWN.stream().filter(known -> squash(known).equals(squashed)).findFirst().orElse(key);
    }

    private static String squash(String key) {
        return key.replaceAll("[-_\\[\\]]", "").toLowerCase(Locale.ROOT);
    }

    private static Object value(String name, Object value) {
        if (value instanceof String text) {
            try {
                if (INTEGERS.contains(name)) {
                    return Integer.valueOf(text.trim());
                }
                if (NUMBERS.contains(name)) {
                    return Double.valueOf(text.trim());
                }
            }
            catch (NumberFormatException e) {
                return text; // the client refuses it with a message naming the argument
            }
        }
        // A YAML list bound into Map<String, Object> arrives as a map keyed "0", "1", ...
        if (value instanceof Map<?, ?> map && !map.isEmpty()
                && map.keySet().stream().allMatch(k -> k instanceof String s && s.matches("\\d+"))) {
            Map<Integer, Object> ordered = new TreeMap<>();
            map.forEach((k, v) -> ordered.put(Integer.valueOf((String) k), v));
            return List.copyOf(ordered.values());
        }
        return value;
    }
}
