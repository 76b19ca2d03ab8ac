package dev.textopt.optim.training;

import static dev.textopt.optim.training.TrainingFixtures.problemsOf;
import static dev.textopt.optim.training.TrainingFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.Problem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExactMatchTest {

    @Test
    void matchesIgnoringSurroundingWhitespaceByDefault() {
        assertThat(ExactMatch.DEFAULT.evaluate("  HELLO WORLD\n", "HELLO WORLD")).isEqualTo(new Evaluation(1, "matches"));
    }

    @Test
    void isCaseSensitiveByDefaultAndSaysWhenOnlyTheCaseDiffers() {
        assertThat(ExactMatch.DEFAULT.evaluate("hello world", "HELLO WORLD"))
                .isEqualTo(new Evaluation(0, "expected \"HELLO WORLD\", got \"hello world\" (only the letter case differs)"));
    }

    @Test
    void ignoresCaseWhenAskedTo() {
        assertThat(new ExactMatch(false, true).evaluate("Hello World ", "HELLO WORLD").score()).isEqualTo(1.0);
    }

    @Test
    void countsSurroundingWhitespaceWithoutTrimAndSaysSo() {
        assertThat(new ExactMatch(true, false).evaluate("HELLO ", "HELLO"))
                .isEqualTo(new Evaluation(0, "expected \"HELLO\", got \"HELLO \" (only the whitespace around it differs)"));
    }

    @Test
    void showsBothTextsWhenTheyReallyDiffer() {
        assertThat(ExactMatch.DEFAULT.evaluate("bonjour", "HELLO").explanation()).isEqualTo("expected \"HELLO\", got \"bonjour\"");
    }

    @Test
    void scoresEachTraceAgainstTheTargetAtItsIndexAndTheLossIsTheMean() {
        List<Trace> traces = List.of(trace("t0", "a", "A"), trace("t1", "b", "b"), trace("t2", "c", "C"), trace("t3", "d", "D"));

        EvaluationResult.Scored result = ExactMatch.DEFAULT.evaluate(traces, List.of("A", "B", "C", "D"));

        assertThat(result.evaluations()).extracting(Evaluation::score).containsExactly(1.0, 0.0, 1.0, 1.0);
        assertThat(result.loss().score()).isEqualTo(0.75);
        assertThat(result.loss().explanation()).isEqualTo(
                "[0] matches\n[1] expected \"B\", got \"b\" (only the letter case differs)\n[2] matches\n[3] matches");
        assertThat(result.usage()).isEmpty();
    }

    @Test
    void refusesTargetsThatCannotBePairedWithTheTraces() {
        List<Trace> traces = List.of(trace("t0", "a", "A"), trace("t1", "b", "B"));

        assertThat(problemsOf(() -> ExactMatch.DEFAULT.evaluate(traces, List.of("A"))))
                .containsExactly(new Problem("evaluator.targets", "1 targets for 2 traces; give one target per trace, in the same order"));
        assertThat(problemsOf(() -> ExactMatch.DEFAULT.evaluate(traces, null))).extracting(Problem::field).containsExactly("evaluator.targets");
        assertThat(problemsOf(() -> ExactMatch.DEFAULT.evaluate(traces, Arrays.asList("A", null))))
                .containsExactly(new Problem("evaluator.targets[1]", "must be a text"));
    }
}
