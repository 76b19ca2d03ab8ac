package dev.textopt.optim;

import java.util.Optional;

/**
 * Reads the tags of the reply contracts ({@code <IMPROVED_VARIABLE>}, {@code <SCORE>}, {@code <FEEDBACK>},
 * …). Models often reason before the tags and add a word after them, so only the first tagged span counts
 * and the text around it is ignored.
 */
public final class TaggedText {

    private TaggedText() {
    }

    /** {@code <TAG>} for {@code TAG}. */
    public static String open(String tag) {
        return "<" + tag + ">";
    }

    /** {@code </TAG>} for {@code TAG}. */
    public static String close(String tag) {
        return "</" + tag + ">";
    }

    /**
     * The text between the first {@code <tag>} and the next {@code </tag>}, untouched (callers decide which
     * whitespace matters); empty when either is missing.
     */
    public static Optional<String> inside(String reply, String tag) {
        String open = open(tag);
        int start = reply.indexOf(open);
        int end = start < 0 ? -1 : reply.indexOf(close(tag), start + open.length());
        return end < 0 ? Optional.empty() : Optional.of(reply.substring(start + open.length(), end));
    }

    /** True when the reply has both tags, whatever is between them (to tell "empty" from "missing"). */
    public static boolean hasBoth(String reply, String tag) {
        return reply.contains(open(tag)) && reply.contains(close(tag));
    }
}
