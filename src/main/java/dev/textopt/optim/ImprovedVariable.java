package dev.textopt.optim;

import java.util.Optional;

/** Reads the output contract: the new value between {@code <IMPROVED_VARIABLE>} and its closing tag. */
final class ImprovedVariable {

    static final String OPEN = "<IMPROVED_VARIABLE>";
    static final String CLOSE = "</IMPROVED_VARIABLE>";

    private ImprovedVariable() {
    }

    /**
     * The improved value, or empty if the reply breaks the contract (no tags, or nothing inside). Only one
     * newline is stripped at each end: models often put the value on its own line, but any other
     * whitespace may matter to the prompt being optimized.
     */
    static Optional<String> extract(String reply) {
        int open = reply.indexOf(OPEN);
        int close = open < 0 ? -1 : reply.indexOf(CLOSE, open + OPEN.length());
        if (close < 0) {
            return Optional.empty();
        }
        String value = reply.substring(open + OPEN.length(), close);
        value = stripOneNewline(value);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String stripOneNewline(String value) {
        if (value.startsWith("\r\n")) {
            value = value.substring(2);
        } else if (value.startsWith("\n")) {
            value = value.substring(1);
        }
        if (value.endsWith("\r\n")) {
            value = value.substring(0, value.length() - 2);
        } else if (value.endsWith("\n")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    /** What the re-ask tells the model, so it knows what went wrong and what is expected. */
    static String correction(String reply) {
        String what = reply.contains(OPEN) && reply.contains(CLOSE)
                ? "Your reply had nothing between " + OPEN + " and " + CLOSE + "."
                : "Your reply did not contain the improved variable between " + OPEN + " and " + CLOSE + ".";
        return what + " Answer again with the complete improved value of the variable between " + OPEN
                + " and " + CLOSE + ", and nothing else inside the tags.";
    }
}
