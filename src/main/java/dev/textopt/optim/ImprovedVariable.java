package dev.textopt.optim;

import java.util.Optional;

/** The step's output contract: the new value between {@code <IMPROVED_VARIABLE>} and its closing tag. */
final class ImprovedVariable implements ReplyContract<String> {

    static final ImprovedVariable CONTRACT = new ImprovedVariable();

    private static final String TAG = "IMPROVED_VARIABLE";
    static final String OPEN = TaggedText.open(TAG);
    static final String CLOSE = TaggedText.close(TAG);

    private ImprovedVariable() {
    }

    /**
     * The improved value, or empty if the reply breaks the contract (no tags, or nothing inside). Only one
     * newline is stripped at each end: models often put the value on its own line, but any other
     * whitespace may matter to the prompt being optimized.
     */
    @Override
    public Optional<String> read(String reply) {
        return TaggedText.inside(reply, TAG).map(ImprovedVariable::stripOneNewline).filter(v -> !v.isEmpty());
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
    @Override
    public String correction(String reply) {
        String what = TaggedText.hasBoth(reply, TAG)
                ? "Your reply had nothing between " + OPEN + " and " + CLOSE + "."
                : "Your reply did not contain the improved variable between " + OPEN + " and " + CLOSE + ".";
        return what + " Answer again with the complete improved value of the variable between " + OPEN
                + " and " + CLOSE + ", and nothing else inside the tags.";
    }

    @Override
    public String expected() {
        return "a value inside " + OPEN + "…" + CLOSE;
    }
}
