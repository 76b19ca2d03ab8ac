package dev.textopt.adapter.llm;

import java.util.regex.Pattern;

/**
 * Makes provider error texts safe to pass on: removes our API key and anything that looks like a key
 * (providers echo a partly masked key on a 401), and keeps the text short and on one line.
 */
final class SecretScrubber {

    private static final int MAX_LENGTH = 200;

    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|key)-[A-Za-z0-9_\\-*.]{6,}");

    private final String apiKey;

    SecretScrubber(String apiKey) {
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    String shortReason(String text) {
        if (text == null || text.isBlank()) {
            return "no details";
        }
        String safe = apiKey == null ? text : text.replace(apiKey, "[redacted]");
        safe = KEY_LIKE.matcher(safe).replaceAll("[redacted]").replaceAll("\\s+", " ").trim();
        return safe.length() <= MAX_LENGTH ? safe : safe.substring(0, MAX_LENGTH) + "…";
    }
}
