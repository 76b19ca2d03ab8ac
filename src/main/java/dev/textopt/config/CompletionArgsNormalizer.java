package dev.textopt.config;

import dev.textopt.adapter.llm.Provider;
import java.util.Arrays;
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
 * {@code maxcompletiontokens="256"}; this restores {@code max_completion_tokens=256}: the names of every
 * provider's arguments, and inside {@code thinking} its {@code budget_tokens}. Unknown keys are left
 * alone, for the client to refuse by name. Keys of {@code metadata} and {@code logit_bias} are the
 * user's own and stay as bound: a key with '_' needs YAML's bracket notation ({@code metadata.[user_id]}).
 */
final class CompletionArgsNormalizer {

    private static final List<String> KNOWN = Arrays.stream(Provider.values()).flatMap(p -> p.completionArgs().stream())
            .distinct().toList();

    private static final Set<String> INTEGERS = Set.of("max_tokens", "max_completion_tokens", "seed", "top_k", "n", "budget_tokens");

    private static final Set<String> NUMBERS = Set.of("temperature", "top_p", "frequency_penalty", "presence_penalty");

    private CompletionArgsNormalizer() {
    }

    static Map<String, Object> normalize(Map<String, Object> args) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        if (args == null) {
            return normalized;
        }
        args.forEach((key, value) -> {
            String name = canonical(key, KNOWN);
            normalized.put(name, value(name, value));
        });
        return normalized;
    }

    private static String canonical(String key, List<String> known) {
        String squashed = squash(key);
        return known.stream().filter(name -> squash(name).equals(squashed)).findFirst().orElse(key);
    }

    private static String squash(String key) {
        return key.replaceAll("[-_\\[\\]]", "").toLowerCase(Locale.ROOT);
    }

    private static Object value(String name, Object value) {
        if (value instanceof String text && INTEGERS.contains(name)) {
            return parsed(text, Integer::valueOf);
        }
        if (value instanceof String text && NUMBERS.contains(name)) {
            return parsed(text, Double::valueOf);
        }
        if (value instanceof String text && name.equals("store") && text.trim().matches("(?i)true|false")) {
            return Boolean.valueOf(text.trim());
        }
        if (name.equals("thinking") && value instanceof Map<?, ?> thinking) {
            Map<String, Object> typed = new LinkedHashMap<>();
            thinking.forEach((k, v) -> {
                String key = canonical(String.valueOf(k), List.of("type", "budget_tokens"));
                typed.put(key, value(key, v));
            });
            return typed;
        }
        if (name.equals("logit_bias") && value instanceof Map<?, ?> bias) {
            Map<String, Object> typed = new LinkedHashMap<>();
            bias.forEach((token, v) -> typed.put(String.valueOf(token), v instanceof String text ? parsed(text, Integer::valueOf) : v));
            return typed;
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

    /** The text as a number, or the text itself for the client to refuse with a message naming the argument. */
    private static Object parsed(String text, java.util.function.Function<String, Object> parse) {
        try {
            return parse.apply(text.trim());
        }
        catch (NumberFormatException e) {
            return text;
        }
    }
}
