package dev.textopt.optim;

import java.util.Optional;

/**
 * Text that can be kept exactly as it was given. A Java string may hold the NUL character, which
 * PostgreSQL text cannot, and lone UTF-16 surrogates (JSON's {@code "\ud800"}), which are not Unicode and
 * which encoding to UTF-8 replaces with '?': the next read would differ from what was acknowledged. Such
 * text is refused wherever it enters (request bodies, forms, closure answers, model replies), never
 * silently changed.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Empty when {@code text} can be stored as it is; otherwise what is wrong with it, e.g. "contains ...". */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("contains the NUL character (\\u0000), which cannot be stored");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a pair: one character beyond the Basic Multilingual Plane, an emoji say
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("contains a lone surrogate (\\u%04x) at character %d, which is not Unicode "
                        + "text and cannot be stored; send valid UTF-8 / UTF-16", (int) c, i));
            }
        }
        return Optional.empty();
    }
}
