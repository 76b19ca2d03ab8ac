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
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ParamGroupsTest {

    private final FakeModelClient model = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);
    private final Parameter first = param("p0", "first");
    private final Tgd optimizer = tgd(List.of(first), defaults(3), model);

    @Test
    void addedGroupTakesTheDefaults() {
        Parameter second = param("p1", "second");

        optimizer.addParamGroup(new ParamGroupSpec(List.of(second)));

        assertThat(optimizer.paramGroups()).hasSize(2);
        assertThat(optimizer.paramGroups().get(1).params()).containsExactly(second);
        assertThat(optimizer.paramGroups().get(1).options()).isEqualTo(optimizer.defaults());
    }

    @Test
    void addedGroupKeepsItsOwnOptionsInTheDefaultsKeyOrder() {
        optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "x")), options("momentum", 1, "constraints", List.of("Be brief."))));

        Map<String, Object> options = optimizer.paramGroups().get(1).options();
        assertThat(options.keySet()).containsExactly("model_client", "messages", "inputs", "constraints", "momentum", "completion_args");
        assertThat(options).containsEntry("momentum", 1).containsEntry("constraints", List.of("Be brief."));
    }

    @Test
    void defaultsAreCopiedInWhenTheGroupIsAdded() {
        Tgd fromSpecs = tgd(List.of(new ParamGroupSpec(List.of(param("a", "x")), options("momentum", 2))), defaults(5), model);

        assertThat(fromSpecs.paramGroups().get(0).options()).containsEntry("momentum", 2).containsEntry("model_client", "openai");
    }

    @Test
    void rejectsAParameterAlreadyInAGroup() {
        assertRefused(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of(first))),
                "param_groups[1].params[0]", "already in param_groups[0]");
    }

    @Test
    void rejectsAnotherParameterObjectWithTheSameId() {
        assertRefused(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p0", "copy")))),
                "param_groups[1].params[0]", "one group only");
    }

    @Test
    void rejectsTheSameParameterInTwoGroupsAtConstruction() {
        Parameter shared = param("s", "x");
        assertRefused(() -> tgd(List.of(new ParamGroupSpec(List.of(shared)), new ParamGroupSpec(List.of(shared))), defaults(0), model),
                "param_groups[1].params[0]", "already in param_groups[0]");
    }

    @Test
    void rejectsAnEmptyGroup() {
        assertRefused(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of())), "param_groups[1].params", "at least one");
    }

    @Test
    void rejectsAnEmptyParameterList() {
        assertRefused(() -> tgd(List.of(), defaults(0), model), "params", "empty parameter list");
    }

    @Test
    void rejectsAnUnknownOption() {
        assertRefused(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "x")), options("learning_rate", 1))),
                "param_groups[1].learning_rate", "unknown option");
    }

    @Test
    void rejectsNegativeMomentum() {
        assertRefused(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "x")), options("momentum", -1))),
                "param_groups[1].momentum", ">= 0");
    }

    @Test
    void rejectsFractionalMomentum() {
        assertRefused(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "x")), options("momentum", 1.5))),
                "param_groups[1].momentum", "whole number");
    }

    @Test
    void rejectsAnUnknownPlaceholderNamingTheTurn() {
        List<Object> messages = List.of(Map.of("role", "user", "content", List.of("Improve {variable} for {audience}")));
        assertRefused(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "x")), options("messages", messages))),
                "param_groups[1].messages[0].content", "turn 0 (user) uses unknown placeholder(s) [{audience}]");
    }

    @Test
    void acceptsAPlaceholderDeclaredInInputs() {
        List<Object> messages = List.of(Map.of("role", "user", "content", List.of("Improve {variable} for {audience}")));
        optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "x")),
                options("messages", messages, "inputs", Map.of("audience", "children"))));

        assertThat(optimizer.paramGroups()).hasSize(2);
    }

    @Test
    void rejectsMalformedMessagesInDefaults() {
        Map<String, Object> defaults = defaults(0);
        defaults.put("messages", List.of(Map.of("role", "narrator", "content", List.of("{variable}"))));

        assertRefused(() -> tgd(List.of(param("a", "x")), defaults, model), "defaults.messages[0].role", "\"system\", \"user\" or \"assistant\"");
    }

    @Test
    void rejectsAnUnclosedBraceInDefaults() {
        Map<String, Object> defaults = defaults(0);
        defaults.put("messages", List.of(Map.of("role", "system", "content", List.of("Reply in JSON like {\"a\": 1"))));

        assertRefused(() -> tgd(List.of(param("a", "x")), defaults, model), "defaults.messages[0].content", "turn 0 (system): unclosed '{'");
    }

    @Test
    void rejectsAnUnknownModelClient() {
        assertRefused(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "x")), options("model_client", "mistral"))),
                "param_groups[1].model_client", "no model client named \"mistral\"; configured clients: openai");
    }

    @Test
    void rejectsDefaultsWithoutAModelClient() {
        assertRefused(() -> tgd(List.of(param("a", "x")), options("momentum", 1), model), "defaults.model_client", "required");
    }

    @Test
    void rejectsCompletionArgsTheClientRefuses() {
        assertRefused(() -> optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "x")), options("completion_args", Map.of("bogus", 1)))),
                "param_groups[1].completion_args", "unknown completion argument \"bogus\"");
    }

    @Test
    void aRefusedGroupLeavesTheOptimizerUnchanged() {
        Parameter fresh = param("p1", "x");
        try {
            optimizer.addParamGroup(new ParamGroupSpec(List.of(fresh), options("momentum", -1)));
        } catch (InvalidOptimizerException expected) {
            // checked below
        }
        assertThat(optimizer.paramGroups()).hasSize(1);
        optimizer.addParamGroup(new ParamGroupSpec(List.of(fresh)));
        assertThat(optimizer.paramGroups()).hasSize(2);
    }

    @Test
    void clearGradEmptiesEveryGradList() {
        Parameter second = param("p1", "second");
        optimizer.addParamGroup(new ParamGroupSpec(List.of(second)));
        first.appendGrad(grad("a"), grad("b"));
        second.appendGrad(grad("c"));

        optimizer.clearGrad();

        assertThat(first.grad()).isEmpty();
        assertThat(second.grad()).isEmpty();
    }

    private static void assertRefused(ThrowingCallable call, String field, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidOptimizerException.class, e ->
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.message()).contains(messagePart);
                }));
    }
}
