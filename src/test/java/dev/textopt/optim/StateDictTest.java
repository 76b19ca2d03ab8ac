package dev.textopt.optim;

import static dev.textopt.optim.Fixtures.defaults;
import static dev.textopt.optim.Fixtures.grad;
import static dev.textopt.optim.Fixtures.options;
import static dev.textopt.optim.Fixtures.param;
import static dev.textopt.optim.Fixtures.tgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDictTest {

    private final FakeModelClient model = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);

    private Tgd steppedOptimizer() {
        Parameter p = param("p0", "Initial value");
        Tgd optimizer = tgd(List.of(p), defaults(2), model);
        optimizer.addParamGroup(new ParamGroupSpec(List.of(param("p1", "other"), param("p2", "third")), options("momentum", 1)));
        p.appendGrad(new Gradient("Use only capital letters", "gradient", "the evaluator saw lowercase"));
        optimizer.step(null);
        return optimizer;
    }

    private Tgd sameShape() {
        Tgd optimizer = tgd(List.of(param("q0", "fresh")), defaults(0), model);
        optimizer.addParamGroup(new ParamGroupSpec(List.of(param("q1", "a"), param("q2", "b"))));
        return optimizer;
    }

    @Test
    void exportsTheShapeOfTheApiDocument() {
        Map<String, Object> tree = steppedOptimizer().stateDict().toMap();

        assertThat(tree).containsOnlyKeys("state", "param_groups");
        Map<String, Object> state = asMap(tree.get("state"));
        assertThat(state).containsOnlyKeys("0");
        Object buffer = asMap(state.get("0")).get("momentum_buffer");
        assertThat(buffer).isEqualTo(List.of(List.of(
                Map.of("data", "Initial value", "role", "parameter", "requires_grad", true),
                List.of(Map.of("data", "Use only capital letters", "role", "gradient", "context", "the evaluator saw lowercase")))));

        List<?> groups = (List<?>) tree.get("param_groups");
        Map<String, Object> group0 = asMap(groups.get(0));
        assertThat(group0.keySet()).containsExactly("model_client", "messages", "inputs", "constraints", "momentum", "completion_args", "params");
        assertThat(group0.get("params")).isEqualTo(List.of(0));
        assertThat(asMap(groups.get(1)).get("params")).isEqualTo(List.of(1, 2));
        Map<String, Object> client = asMap(group0.get("model_client"));
        assertThat(client.keySet()).containsExactly("class_type", "name", "provider", "usage");
        assertThat(client).containsEntry("class_type", "OpenAiChatModel").containsEntry("name", "openai").containsEntry("provider", "openai");
        assertThat(asMap(client.get("usage"))).containsEntry("prompt_tokens", 100L).containsEntry("completion_tokens", 10L)
                .containsEntry("total_tokens", 110L)
                .containsEntry("cost", Map.of("amount", new BigDecimal("0.00035"), "currency", "USD"));
    }

    @Test
    void loadingIntoAnOptimizerOfTheSameShapeReproducesTheState() {
        StateDict exported = steppedOptimizer().stateDict();
        Tgd target = sameShape();

        target.loadStateDict(exported, Map.of("model_client", "openai"));

        assertThat(target.stateDict()).isEqualTo(exported);
        assertThat(target.state().get("q0").momentumBuffer()).hasSize(1);
        assertThat(target.paramGroups().get(0).options()).containsEntry("momentum", 2).containsEntry("model_client", "openai");
        assertThat(target.paramGroups().get(0).params().get(0).data()).as("values are not loaded").isEqualTo("fresh");
    }

    @Test
    void loadingAddsTheSavedUsageToTheOptimizersOwnSoThatItNeverGoesDown() {
        Tgd stepped = steppedOptimizer();
        StateDict exported = stepped.stateDict();
        Usage before = stepped.usage().get("openai");

        Map<String, Usage> added = stepped.loadStateDict(exported, Map.of("model_client", "openai"));

        assertThat(added).containsEntry("openai", before);
        assertThat(stepped.usage().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
        assertThat(stepped.usage().get("openai").cost().amount()).isEqualByComparingTo("0.0007");
    }

    @Test
    void refusesSavedUsageThatIsNegativeNotANumberNotFiniteOrNotInUsdNamingTheField() {
        String usage = "state_dict.param_groups[0].model_client.usage";
        Map<Object, String> wrongAmounts = new LinkedHashMap<>();
        wrongAmounts.put(-1000, usage + ".cost.amount");
        wrongAmounts.put("5", usage + ".cost.amount");
        wrongAmounts.put(Double.POSITIVE_INFINITY, usage + ".cost.amount");
        wrongAmounts.put(new BigDecimal("1e12"), usage + ".cost.amount");
        wrongAmounts.forEach((amount, field) -> refusesUsage(Map.of("amount", amount, "currency", "USD"), 5, field));
        refusesUsage(Map.of("amount", 1, "currency", "EUR"), 5, usage + ".cost.currency");
        refusesUsage(Map.of("amount", 1, "currency", "USD"), -3, usage + ".prompt_tokens");
        refusesUsage(Map.of("amount", 1, "currency", "USD"), 2.5, usage + ".prompt_tokens");
    }

    private void refusesUsage(Map<String, Object> cost, Object promptTokens, String field) {
        StateDict exported = steppedOptimizer().stateDict();
        List<Map<String, Object>> groups = new ArrayList<>(exported.paramGroups());
        Map<String, Object> first = new LinkedHashMap<>(groups.get(0));
        Map<String, Object> client = new LinkedHashMap<>(asMap(first.get("model_client")));
        client.put("usage", Map.of("prompt_tokens", promptTokens, "completion_tokens", 1, "total_tokens", 6, "cost", cost));
        first.put("model_client", client);
        groups.set(0, first);
        Tgd target = sameShape();
        StateDict before = target.stateDict();

        assertThatThrownBy(() -> target.loadStateDict(new StateDict(exported.state(), groups), Map.of("model_client", "openai")))
                .as("%s, %s tokens", cost, promptTokens)
                .isInstanceOfSatisfying(InvalidOptimizerException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactly(field));
        assertThat(target.stateDict()).isEqualTo(before);
    }

    @Test
    void roundTripsThroughToMapAndFromMap() {
        StateDict exported = steppedOptimizer().stateDict();

        assertThat(StateDict.fromMap(exported.toMap())).isEqualTo(exported);
    }

    @Test
    void rejectsStateDictWithFewerGroups() {
        StateDict one = tgd(List.of(param("x", "x")), defaults(0), model).stateDict();
        Tgd target = sameShape();
        StateDict before = target.stateDict();

        assertThatThrownBy(() -> target.loadStateDict(one, Map.of("model_client", "openai")))
                .isInstanceOf(InvalidOptimizerException.class)
                .hasMessageContaining("state dict has 1 param group(s), the optimizer has 2");
        assertThat(target.stateDict()).isEqualTo(before);
    }

    @Test
    void rejectsAGroupOfAnotherSize() {
        Tgd source = tgd(List.of(param("x", "x")), defaults(0), model);
        source.addParamGroup(new ParamGroupSpec(List.of(param("y", "y"))));
        Tgd target = sameShape();
        StateDict before = target.stateDict();

        assertThatThrownBy(() -> target.loadStateDict(source.stateDict(), Map.of("model_client", "openai")))
                .isInstanceOfSatisfying(InvalidOptimizerException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("state_dict.param_groups[1].params");
                    assertThat(p.message()).contains("has 1 parameter(s), the optimizer's has 2");
                }));
        assertThat(target.stateDict()).isEqualTo(before);
    }

    @Test
    void rejectsAMissingModelClientEntryNamingTheKeyAndClassType() {
        StateDict exported = steppedOptimizer().stateDict();
        Tgd target = sameShape();
        StateDict before = target.stateDict();

        assertThatThrownBy(() -> target.loadStateDict(exported, Map.of()))
                .isInstanceOf(InvalidOptimizerException.class)
                .hasMessageContaining("model_clients has no entry for \"model_client\"; expected a client of class type OpenAiChatModel");
        assertThat(target.stateDict()).isEqualTo(before);
    }

    @Test
    void rejectsANamedClientThatDoesNotExist() {
        StateDict exported = steppedOptimizer().stateDict();

        assertThatThrownBy(() -> sameShape().loadStateDict(exported, Map.of("model_client", "mistral")))
                .isInstanceOf(InvalidOptimizerException.class)
                .hasMessageContaining("no model client named \"mistral\"");
    }

    @Test
    void rejectsStateForAnIndexNoGroupLists() {
        StateDict exported = steppedOptimizer().stateDict();
        Map<String, Object> state = new LinkedHashMap<>(exported.state());
        state.put("7", exported.state().get("0"));
        Tgd target = sameShape();

        assertThatThrownBy(() -> target.loadStateDict(new StateDict(state, exported.paramGroups()), Map.of("model_client", "openai")))
                .isInstanceOf(InvalidOptimizerException.class)
                .hasMessageContaining("state_dict.state.7");
        assertThat(target.state()).isEmpty();
    }

    @Test
    void rejectsAnIndexOutOfRange() {
        StateDict exported = steppedOptimizer().stateDict();
        List<Map<String, Object>> groups = new ArrayList<>(exported.paramGroups());
        Map<String, Object> first = new LinkedHashMap<>(groups.get(0));
        first.put("params", List.of(9));
        groups.set(0, first);

        assertThatThrownBy(() -> sameShape().loadStateDict(new StateDict(Map.of(), groups), Map.of("model_client", "openai")))
                .isInstanceOfSatisfying(InvalidOptimizerException.class, e -> assertThat(e.problems())
                        .contains(new Problem("state_dict.param_groups[0].params[0]", "must be a parameter index from 0 to 2")));
    }

    @Test
    void rejectsMalformedTreesWithoutTouchingAnything() {
        assertThatThrownBy(() -> StateDict.fromMap(Map.of("state", List.of())))
                .isInstanceOf(InvalidOptimizerException.class)
                .hasMessageContaining("state_dict.state").hasMessageContaining("state_dict.param_groups");
    }

    @Test
    void neverExportsConfigurationOfTheClient() {
        String tree = steppedOptimizer().stateDict().toMap().toString();

        assertThat(tree).doesNotContainIgnoringCase("api_key").doesNotContainIgnoringCase("secret");
    }

    @Test
    void restoreRebuildsASavedOptimizerWithoutRefillingDefaults() {
        Tgd saved = steppedOptimizer();
        List<ParamGroupSpec> groups = new ArrayList<>();
        for (ParamGroup g : saved.paramGroups()) {
            groups.add(new ParamGroupSpec(g.params(), g.options()));
        }

        Tgd restored = Tgd.restore(saved.defaults(), groups, saved.state(), saved.usage(),
                new FakeClients(model), Fixtures.PRICES, Fixtures.INLINE);

        assertThat(restored.stateDict()).isEqualTo(saved.stateDict());
        assertThat(restored.usage()).isEqualTo(saved.usage());
    }

    @Test
    void restoreRefusesAGroupWithMissingOptions() {
        assertThatThrownBy(() -> Tgd.restore(defaults(0), List.of(new ParamGroupSpec(List.of(param("a", "x")), options("momentum", 1))),
                Map.of(), Map.of(), new FakeClients(model), Fixtures.PRICES, Fixtures.INLINE))
                .isInstanceOf(InvalidOptimizerException.class)
                .hasMessageContaining("param_groups[0].model_client: missing");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
