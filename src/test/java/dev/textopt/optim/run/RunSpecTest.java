package dev.textopt.optim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.textopt.optim.Problem;
import dev.textopt.optim.run.RunSpec.Targets;
import dev.textopt.optim.training.InvalidTrainingRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunSpecTest {

    private static final RunSpec.Limits LIMITS = new RunSpec.Limits(10, 5);

    private static RunItem item(String text, String target) {
        return new RunItem(Map.of("text", text), target);
    }

    private static List<Problem> problems(List<RunItem> train, List<RunItem> validation, Integer epochs, Integer batchSize,
            Boolean keepBest, Targets targets) {
        var e = catchThrowableOfType(InvalidTrainingRequestException.class,
                () -> RunSpec.check(train, validation, epochs, batchSize, null, keepBest, null, targets, LIMITS));
        assertThat(e).as("refused").isNotNull();
        return e.problems();
    }

    @Test
    void fillsTheDefaults() {
        RunSpec spec = RunSpec.check(List.of(item("a", "A")), null, null, null, null, null, null, Targets.EVERY_ITEM, LIMITS);

        assertThat(spec.epochs()).isEqualTo(1);
        assertThat(spec.batchSize()).isEqualTo(4);
        assertThat(spec.validation()).isEmpty();
        assertThat(spec.keepBest()).isFalse();
        assertThat(spec.validateEvery()).isEqualTo(ValidateEvery.EPOCH);
        assertThat(spec.schedule()).isEqualTo(new RunSchedule(1, 1, ValidateEvery.EPOCH, false));
    }

    @Test
    void namesEachFieldToChange() {
        var train = Arrays.asList(item("a", "A"), new RunItem(null, "B"), item("c", null));

        assertThat(problems(train, List.of(item("v", null)), 0, 0, false, Targets.EVERY_ITEM)).extracting(Problem::field)
                .containsExactly("train[1].inputs", "train[2].target", "validation[0].target", "epochs", "batch_size");
        assertThat(problems(List.of(), null, 11, 1, true, Targets.EVERY_ITEM)).extracting(Problem::field)
                .containsExactly("train", "epochs", "keep_best");
    }

    @Test
    void anEvaluatorWithOptionalTargetsTakesThemOnAllItemsOrNone() {
        assertThat(RunSpec.check(List.of(item("a", null), item("b", null)), null, 1, 1, null, null, null, Targets.ALL_OR_NONE, LIMITS)
                .train()).hasSize(2);
        assertThat(problems(List.of(item("a", "A"), item("b", null)), null, 1, 1, false, Targets.ALL_OR_NONE))
                .containsExactly(new Problem("train[1].target",
                        "required: some items have a target, so every item of train and validation needs one (or leave them all out)"));
        assertThat(problems(List.of(item("a", null)), List.of(item("v", "V")), 1, 1, false, Targets.ALL_OR_NONE))
                .extracting(Problem::field).containsExactly("train[0].target");
    }

    @Test
    void refusesADatasetOverTheLimitByItsName() {
        var six = IntStream.range(0, 6).mapToObj(i -> item("t" + i, "T")).toList();

        assertThat(problems(List.of(item("a", "A")), six, 1, 1, false, Targets.EVERY_ITEM)).containsExactly(
                new Problem("validation", "6 items; at most 5 (textopt.limits.max-dataset-size)"));
    }

    @Test
    void listsAFewItemProblemsNotThousands() {
        var lacking = new ArrayList<RunItem>();
        IntStream.range(0, 5).forEach(i -> lacking.add(item("t" + i, null)));
        var spec = catchThrowableOfType(InvalidTrainingRequestException.class, () -> RunSpec.check(lacking, null, 1, 1, null, null, null,
                Targets.EVERY_ITEM, new RunSpec.Limits(10, 1000)));

        assertThat(spec.problems()).hasSize(5);
        var many = IntStream.range(0, 50).mapToObj(i -> item("t" + i, null)).toList();
        var refused = catchThrowableOfType(InvalidTrainingRequestException.class, () -> RunSpec.check(many, null, 1, 1, null, null, null,
                Targets.EVERY_ITEM, new RunSpec.Limits(10, 1000)));
        assertThat(refused.problems()).hasSize(11);
        assertThat(refused.problems().get(10).field()).isEqualTo("train");
    }
}
