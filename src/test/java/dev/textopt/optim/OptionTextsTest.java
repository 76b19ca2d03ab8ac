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

/**
 * Constraints and inputs as afnio takes them, strings or Variables, and messages that must show the
 * parameter: what is refused when given, what a saved optimizer may still hold.
 */
class OptionTextsTest {

    private final FakeModelClient model = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);
    private final Parameter param = param("p0", "Classify the sentiment.");

    private static Map<String, Object> variable(String data) {
        return Map.of("data", data, "role", "constraint", "requires_grad", false);
    }

    @Test
    void constraintsMayBeVariablesWhoseDataReachesThePromptAndWhichAreKeptAsGiven() {
        param.appendGrad(grad("Be shorter"));
        Map<String, Object> defaults = defaults(0);
        defaults.put("constraints", List.of(variable("Never use braces."), "Stay in English."));
        Tgd optimizer = tgd(List.of(param), defaults, model);

        optimizer.step(null);

        assertThat(model.userPrompt(0)).contains("<CONSTRAINTS>\n1. Never use braces.\n2. Stay in English.\n</CONSTRAINTS>");
        assertThat(optimizer.stateDict().paramGroups().get(0).get("constraints"))
                .as("exported as afnio's state_dict keeps them: the Variable itself")
                .isEqualTo(List.of(variable("Never use braces."), "Stay in English."));
    }

    @Test
    void inputsMayBeVariables() {
        param.appendGrad(grad("Be shorter"));
        List<Object> messages = List.of(Map.of("role", "user", "content", List.of("For {audience}: <VARIABLE>{variable}</VARIABLE>")));

        tgd(List.of(param), options("model_client", "openai", "messages", messages,
                "inputs", Map.of("audience", Map.of("data", "children", "role", "audience"))), model).step(null);

        assertThat(model.userPrompt(0)).startsWith("For children: ");
    }

    @Test
    void refusesAConstraintThatIsNeitherATextNorAVariable() {
        Map<String, Object> defaults = defaults(0);
        defaults.put("constraints", List.of("Fine.", 42, Map.of("data", "x", "colour", "red"), Map.of("role", "no data")));

        assertThatThrownBy(() -> tgd(List.of(param), defaults, model)).isInstanceOfSatisfying(InvalidOptimizerException.class,
                e -> assertThat(e.problems()).extracting(Problem::field)
                        .contains("defaults.constraints[1]", "defaults.constraints[2]", "defaults.constraints[3]")
                        .doesNotContain("defaults.constraints[0]"));
    }

    @Test
    void refusesAnInputVariableWithAWrongType() {
        Map<String, Object> defaults = defaults(0);
        defaults.put("inputs", Map.of("tone", Map.of("data", "warm", "requires_grad", "no")));

        assertThatThrownBy(() -> tgd(List.of(param), defaults, model)).isInstanceOfSatisfying(InvalidOptimizerException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).contains("defaults.inputs.tone"));
    }

    @Test
    void refusesMessagesInWhichNoTurnUsesTheVariableAtCreationAndInAGroup() {
        Map<String, Object> defaults = defaults(0);
        List<Object> blind = List.of(Map.of("role", "system", "content", List.of("You improve texts.")),
                Map.of("role", "user", "content", List.of("Here is the feedback: {feedback}")));
        defaults.put("messages", blind);

        assertThatThrownBy(() -> tgd(List.of(param), defaults, model)).isInstanceOfSatisfying(InvalidOptimizerException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).contains("defaults.messages"));
        Tgd optimizer = tgd(List.of(param), defaults(0), model);
        assertThatThrownBy(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "x")), options("messages", blind))))
                .isInstanceOfSatisfying(InvalidOptimizerException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("param_groups[1].messages"));
    }

    @Test
    void aSavedOptimizerWhoseMessagesNeverShowTheVariableIsStillRebuilt() {
        List<Object> blind = List.of(Map.of("role", "user", "content", List.of("Improve it. {feedback}")));
        Map<String, Object> options = options("model_client", "openai", "messages", blind, "inputs", Map.of(), "constraints", List.of(),
                "momentum", 0, "completion_args", Map.of());

        Tgd restored = Tgd.restore(options, List.of(new ParamGroupSpec(List.of(param), options)), Map.of(), Map.of(),
                new FakeClients(model), Fixtures.PRICES, Fixtures.INLINE);

        assertThat(restored.paramGroups()).hasSize(1);
    }

    @Test
    void anImportedStateDictIsHeldToTheRulesForOptionsGivenNow() {
        Tgd optimizer = tgd(List.of(param), defaults(0), model);
        Map<String, Object> group = new java.util.LinkedHashMap<>(optimizer.stateDict().paramGroups().get(0));
        group.put("messages", List.of(Map.of("role", "user", "content", List.of("Improve it. {feedback}"))));
        StateDict blind = new StateDict(Map.of(), List.of(group));

        assertThatThrownBy(() -> optimizer.loadStateDict(blind, Map.of("model_client", "openai")))
                .isInstanceOfSatisfying(InvalidOptimizerException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("state_dict.param_groups[0].messages"));
    }
}
