package dev.textopt.optim.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the judge must answer, and what the re-ask tells it when it did not. */
class JudgeReplyTest {

    private static String reply(String score) {
        return "<SCORE>" + score + "</SCORE>\n<EXPLANATION>Because.</EXPLANATION>";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0.0", "1|1.0", "1.0|1.0", "'0.5 '|0.5", "'\n 0.25\n'|0.25", ".75|0.75", "+1|1.0", "-0|0.0"})
    void readsAPlainNumberFromZeroToOne(String score, double expected) {
        assertThat(JudgeReply.CONTRACT.read(reply(score))).contains(new Evaluation(expected, "Because."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "2", "1.0000001"})
    void refusesAScoreOutsideZeroToOneSayingSo(String score) {
        assertThat(JudgeReply.CONTRACT.read(reply(score))).isEmpty();
        assertThat(JudgeReply.CONTRACT.correction(reply(score))).startsWith("The score " + score + " is outside the range from 0 to 1.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "high", "0.8/1", "80%", "1e-1", "NaN", "Infinity", "0,5", "0.5 0.7"})
    void refusesAScoreThatIsNotAPlainNumber(String score) {
        assertThat(JudgeReply.CONTRACT.read(reply(score))).isEmpty();
        assertThat(JudgeReply.CONTRACT.correction(reply(score))).startsWith("The score \"" + score + "\" is not a plain number");
    }

    @Test
    void ignoresTextAroundTheTagsAndTrimsTheExplanation() {
        String reply = "Let me think. The output is half right.\n<SCORE>0.5</SCORE>\n<EXPLANATION>\n  Only one word is upper case.\n</EXPLANATION>\nDone.";

        assertThat(JudgeReply.CONTRACT.read(reply)).contains(new Evaluation(0.5, "Only one word is upper case."));
    }

    @Test
    void refusesAReplyWithoutScoreTags() {
        String reply = "Score: 1. Explanation: fine.";

        assertThat(JudgeReply.CONTRACT.read(reply)).isEmpty();
        assertThat(JudgeReply.CONTRACT.correction(reply)).startsWith("Your reply had no score between <SCORE> and </SCORE>.")
                .contains("<SCORE>the score</SCORE>\n<EXPLANATION>");
    }

    @Test
    void refusesAReplyWithoutAnExplanation() {
        assertThat(JudgeReply.CONTRACT.read("<SCORE>1</SCORE>")).isEmpty();
        assertThat(JudgeReply.CONTRACT.correction("<SCORE>1</SCORE>")).startsWith("Your reply had no explanation between <EXPLANATION>");
    }

    @Test
    void refusesAnUnclosedScoreTag() {
        assertThat(JudgeReply.CONTRACT.read("<SCORE>1\n<EXPLANATION>x</EXPLANATION>")).isEmpty();
    }
}
