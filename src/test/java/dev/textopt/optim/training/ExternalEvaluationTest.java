package dev.textopt.optim.training;

import static dev.textopt.optim.training.TrainingFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalEvaluationTest {

    private static final URI URL = URI.create("https://evaluator.example/score");
    private final List<Trace> traces = List.of(trace("t0", "hello", "HELLO"), trace("t1", "bye", "bye"));
    private final List<List<ExternalEvaluator.Item>> sent = new ArrayList<>();

    private ExternalEvaluator answering(ExternalEvaluator.Result... results) {
        return (url, items) -> {
            sent.add(items);
            return List.of(results);
        };
    }

    @Test
    void sendsEachTracesIdInputsOutputAndTargetAndKeepsTheScoresInOrder() {
        EvaluationResult.Scored result = ExternalEvaluation.evaluate(answering(new ExternalEvaluator.Result(1.0, "ok"),
                new ExternalEvaluator.Result(0.25, "lower case")), URL, traces, List.of("HELLO", "BYE"));

        assertThat(sent).singleElement().isEqualTo(List.of(new ExternalEvaluator.Item("t0", Map.of("text", "hello"), "HELLO", "HELLO"),
                new ExternalEvaluator.Item("t1", Map.of("text", "bye"), "bye", "BYE")));
        assertThat(result.evaluations()).containsExactly(new Evaluation(1, "ok"), new Evaluation(0.25, "lower case"));
        assertThat(result.loss().score()).isEqualTo(0.625);
    }

    @Test
    void targetsAreOptional() {
        ExternalEvaluation.evaluate(answering(new ExternalEvaluator.Result(1.0, null), new ExternalEvaluator.Result(0.0, null)), URL, traces, null);

        assertThat(sent.get(0)).extracting(ExternalEvaluator.Item::target).containsOnlyNulls();
    }

    @Test
    void failsWhenTheEvaluatorAnswersAnotherNumberOfResults() {
        assertThatThrownBy(() -> ExternalEvaluation.evaluate(answering(new ExternalEvaluator.Result(1.0, "ok")), URL, traces, null))
                .isInstanceOf(EvaluatorFailedException.class).hasMessageContaining("answered 1 results for 2 items");
    }

    @Test
    void failsOnAScoreThatIsMissingOrOutsideZeroToOneNamingTheResult() {
        assertThatThrownBy(() -> ExternalEvaluation.evaluate(answering(new ExternalEvaluator.Result(1.0, "ok"),
                new ExternalEvaluator.Result(1.5, "great")), URL, traces, null))
                .isInstanceOf(EvaluatorFailedException.class).hasMessageContaining("results[1].score is 1.5");
        assertThatThrownBy(() -> ExternalEvaluation.evaluate(answering(new ExternalEvaluator.Result(null, "?"),
                new ExternalEvaluator.Result(1.0, "ok")), URL, traces, null))
                .isInstanceOf(EvaluatorFailedException.class).hasMessageContaining("results[0].score is null");
    }
}
