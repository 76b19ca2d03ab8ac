package dev.textopt.optim.training;

import dev.textopt.optim.ReplyContract;
import dev.textopt.optim.TaggedText;
import java.util.Optional;

/**
 * The backward output contract: feedback between {@code <FEEDBACK>} and its closing tag, not blank. It is
 * prose for the optimizer's prompt, so whitespace around it is dropped.
 */
final class FeedbackReply implements ReplyContract<String> {

    static final FeedbackReply CONTRACT = new FeedbackReply();

    private static final String TAG = "FEEDBACK";
    private static final String OPEN = TaggedText.open(TAG);
    private static final String CLOSE = TaggedText.close(TAG);

    private FeedbackReply() {
    }

    @Override
    public Optional<String> read(String reply) {
        return TaggedText.inside(reply, TAG).map(String::strip).filter(f -> !f.isEmpty());
    }

    @Override
    public String correction(String reply) {
        String what = TaggedText.hasBoth(reply, TAG)
                ? "Your reply had no feedback between " + OPEN + " and " + CLOSE + "."
                : "Your reply did not contain the feedback between " + OPEN + " and " + CLOSE + ".";
        return what + " Answer again with your feedback on the parameter between " + OPEN + " and " + CLOSE + ".";
    }

    @Override
    public String expected() {
        return "feedback inside " + OPEN + "…" + CLOSE;
    }
}
