package dev.textopt.optim.training;

import dev.textopt.optim.ReplyContract;
import dev.textopt.optim.TaggedText;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The judge's output contract: {@code <SCORE>} with a plain number from 0 to 1 (whitespace around it is
 * fine) and {@code <EXPLANATION>}. Text around the tags is ignored. The re-ask says exactly what was wrong.
 */
final class JudgeReply implements ReplyContract<Evaluation> {

    static final JudgeReply CONTRACT = new JudgeReply();

    private static final String SCORE = "SCORE";
    private static final String EXPLANATION = "EXPLANATION";
    /** A plain decimal: no exponent, no percent sign, no fraction like 8/10, which a judge might mean differently. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** Either what the reply yields or what is wrong with it. */
    private record Reading(Evaluation evaluation, String problem) {
    }

    private JudgeReply() {
    }

    @Override
    public Optional<Evaluation> read(String reply) {
        return Optional.ofNullable(reading(reply).evaluation());
    }

    private static Reading reading(String reply) {
        Optional<String> score = TaggedText.inside(reply, SCORE).map(String::strip);
        Optional<String> explanation = TaggedText.inside(reply, EXPLANATION).map(String::strip);
        if (score.isEmpty()) {
            return problem("Your reply had no score between <SCORE> and </SCORE>.");
        }
        if (!NUMBER.matcher(score.get()).matches()) {
            return problem("The score \"" + shortened(score.get()) + "\" is not a plain number such as 0, 0.5 or 1.");
        }
        BigDecimal value = new BigDecimal(score.get());
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            return problem("The score " + score.get() + " is outside the range from 0 to 1.");
        }
        if (explanation.isEmpty()) {
            return problem("Your reply had no explanation between <EXPLANATION> and </EXPLANATION>.");
        }
        return new Reading(new Evaluation(value.doubleValue(), explanation.get()), null);
    }

    private static Reading problem(String problem) {
        return new Reading(null, problem);
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public String correction(String reply) {
        return reading(reply).problem() + " Answer again in exactly this form, with a number from 0 to 1:\n"
                + "<SCORE>the score</SCORE>\n<EXPLANATION>why the output got this score</EXPLANATION>";
    }

    @Override
    public String expected() {
        return "a score from 0 to 1 inside " + TaggedText.open(SCORE) + "…" + TaggedText.close(SCORE)
                + " and an explanation inside " + TaggedText.open(EXPLANATION) + "…" + TaggedText.close(EXPLANATION);
    }
}
