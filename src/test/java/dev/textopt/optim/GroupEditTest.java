package dev.textopt.optim;

import static dev.textopt.optim.Fixtures.defaults;
import static dev.textopt.optim.Fixtures.grad;
import static dev.textopt.optim.Fixtures.options;
import static dev.textopt.optim.Fixtures.param;
import static dev.textopt.optim.Fixtures.tgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changing a group's options mid-run, as torch code does with {@code param_groups[0]["lr"] = …}. */
class GroupEditTest {

    private final FakeModelClient model = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);
    private final FakeModelClient other = new FakeModelClient("other", "OpenAiChatModel", FakeModelClient::followsCapitalFeedback);
    private final Parameter param = param("p0", "one");
    private final Tgd optimizer = new Tgd(List.of(param), defaults(3), new FakeClients(model, other), Fixtures.PRICES, Fixtures.INLINE);

    @Test
    void givenOptionsReplaceTheGroupsAndTheOthersStay() {
        Map<String, OptionChange> changed = optimizer.editParamGroup(0, options("momentum", 1, "constraints", List.of("Be brief.")));

        Map<String, Object> group = optimizer.paramGroups().get(0).options();
        assertThat(group).containsEntry("momentum", 1).containsEntry("constraints", List.of("Be brief."))
                .containsEntry("completion_args", Map.of("model", "gpt-4o"));
        assertThat(group.keySet()).containsExactly("model_client", "messages", "inputs", "constraints", "momentum", "completion_args");
        assertThat(changed).containsExactly(Map.entry("constraints", new OptionChange(List.of(), List.of("Be brief."))),
                Map.entry("momentum", new OptionChange(3, 1)));
        assertThat(optimizer.defaults()).as("the defaults stay as they were").containsEntry("momentum", 3);
    }

    @Test
    void anOptionGivenWithItsCurrentValueIsNotAChange() {
        assertThat(optimizer.editParamGroup(0, options("momentum", 3))).isEmpty();
    }

    @Test
    void theNextStepUsesTheNewOptions() {
        param.appendGrad(grad("Be shorter"));
        optimizer.editParamGroup(0, options("constraints", List.of("Stay in English.")));

        optimizer.step(null);

        assertThat(model.userPrompt(0)).contains("1. Stay in English.");
    }

    @Test
    void aLowerMomentumForgetsTheOlderEntriesAtOnce() {
        param.appendGrad(grad("Use capital letters"));
        optimizer.step(null);
        optimizer.step(null);
        optimizer.step(null);
        assertThat(optimizer.state().get("p0").momentumBuffer()).hasSize(3);

        optimizer.editParamGroup(0, options("momentum", 1));

        List<MomentumEntry> kept = optimizer.state().get("p0").momentumBuffer();
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).snapshot().data()).as("the newest entry is kept").isEqualTo("ONE");
        optimizer.editParamGroup(0, options("momentum", 0));
        assertThat(optimizer.state()).as("momentum 0 remembers nothing").doesNotContainKey("p0");
    }

    @Test
    void aHigherMomentumKeepsTheBuffer() {
        param.appendGrad(grad("Use capital letters"));
        optimizer.step(null);

        optimizer.editParamGroup(0, options("momentum", 5));

        assertThat(optimizer.state().get("p0").momentumBuffer()).hasSize(1);
    }

    @Test
    void aNewModelClientGetsItsPlaceInTheUsage() {
        optimizer.editParamGroup(0, options("model_client", "other"));

        assertThat(optimizer.usage()).containsKeys("openai", "other");
        assertThat(optimizer.stateDict().paramGroups().get(0).get("model_client")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("name", "other");
    }

    @Test
    void isCheckedLikeANewGroupAndRefusedAsAWhole() {
        assertThatThrownBy(() -> optimizer.editParamGroup(0, options("momentum", -1, "constraints", List.of("Fine."), "lr", 0.1)))
                .isInstanceOfSatisfying(InvalidOptimizerException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactlyInAnyOrder("param_groups[0].lr"));
        assertThatThrownBy(() -> optimizer.editParamGroup(0, options("momentum", -1, "constraints", List.of("Fine."))))
                .isInstanceOfSatisfying(InvalidOptimizerException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("param_groups[0].momentum"));
        assertThat(optimizer.paramGroups().get(0).options()).containsEntry("momentum", 3).containsEntry("constraints", List.of());
    }

    @Test
    void refusesMessagesThatNeverShowTheVariable() {
        List<Object> messages = List.of(Map.of("role", "user", "content", List.of("Improve the text. {feedback}")));

        assertThatThrownBy(() -> optimizer.editParamGroup(0, options("messages", messages)))
                .isInstanceOfSatisfying(InvalidOptimizerException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.field()).isEqualTo("param_groups[0].messages");
                            assertThat(p.message()).contains("no turn uses {variable}");
                        }));
    }

    @Test
    void refusesAGroupThatDoesNotExist() {
        assertThatThrownBy(() -> optimizer.editParamGroup(1, options("momentum", 1)))
                .isInstanceOf(InvalidOptimizerException.class).hasMessageContaining("the optimizer has 1");
    }
}
