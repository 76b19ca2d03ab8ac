package dev.textopt.optim;

import static dev.textopt.optim.Fixtures.defaults;
import static dev.textopt.optim.Fixtures.grad;
import static dev.textopt.optim.Fixtures.param;
import static dev.textopt.optim.Fixtures.tgd;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the behaviour afnio's TGD tests describe, so that users of afnio find the same semantics. */
class TgdAfnioSemanticsTest {

    private final FakeModelClient model = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);
    private final Parameter param = param("p0", "Initial value");
    private final Tgd optimizer = tgd(List.of(param), defaults(3), model);

    @Test
    void defaultsHoldEveryOptionInAfnioOrder() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("model_client", "openai");
        expected.put("messages", Tgd.builtInMessages());
        expected.put("inputs", Map.of());
        expected.put("constraints", List.of());
        expected.put("momentum", 3);
        expected.put("completion_args", Map.of("model", "gpt-4o"));

        assertThat(optimizer.defaults()).isEqualTo(expected);
        assertThat(optimizer.defaults().keySet()).containsExactly(
                "model_client", "messages", "inputs", "constraints", "momentum", "completion_args");
    }

    @Test
    void builtInMessagesAreASystemTurnThenAUserTurn() {
        List<Map<String, Object>> messages = Tgd.builtInMessages();

        assertThat(messages).extracting(m -> m.get("role")).containsExactly("system", "user");
        assertThat(messages).allSatisfy(m -> assertThat((List<?>) m.get("content")).hasSize(1));
    }

    @Test
    void theSingleGroupTakesTheDefaultsAndStateStartsEmpty() {
        assertThat(optimizer.paramGroups()).hasSize(1);
        ParamGroup group = optimizer.paramGroups().get(0);
        assertThat(group.params()).containsExactly(param);
        assertThat(group.options()).isEqualTo(optimizer.defaults());
        assertThat(group.options().keySet()).containsExactlyElementsOf(optimizer.defaults().keySet());
        assertThat(optimizer.state()).isEmpty();
    }

    @Test
    void stepFollowsTheFeedbackReturnsTheLossAndRemembersTheStep() {
        param.appendGrad(grad("Use only capital letters"));
        Loss loss = new Loss(0.5, "lowercase letters found");

        StepResult result = optimizer.step(params -> new ClosureResult(loss));

        assertThat(param.data()).isEqualTo("INITIAL VALUE");
        assertThat(result).isInstanceOf(StepResult.Applied.class);
        assertThat(result.loss()).isSameAs(loss);
        assertThat(optimizer.state()).containsOnlyKeys("p0");
        assertThat(optimizer.state().get("p0").momentumBuffer()).containsExactly(new MomentumEntry(
                new Variable("Initial value", "parameter", true), List.of(grad("Use only capital letters"))));
    }

    @Test
    void everyGradientReachesThePromptInOrderEachInItsOwnFeedbackTag() {
        param.appendGrad(grad("Translate the parameter to Italian"), grad("Only use capital letters"));

        optimizer.step(null);

        String prompt = model.userPrompt(0);
        assertThat(prompt).contains("<FEEDBACK>Translate the parameter to Italian</FEEDBACK>\n<FEEDBACK>Only use capital letters</FEEDBACK>");
        assertThat(prompt.indexOf("Translate")).isLessThan(prompt.indexOf("Only use capital"));
    }

    @Test
    void stepWithoutClosureHasNoLossAndKeepsTheGrad() {
        param.appendGrad(grad("Use only capital letters"));

        StepResult result = optimizer.step(null);

        assertThat(result.loss()).isNull();
        assertThat(param.grad()).containsExactly(grad("Use only capital letters"));
    }

    @Test
    void closureGradsReplaceTheParametersGradBeforeTheUpdate() {
        param.appendGrad(grad("Make it longer"));
        List<String> seenByClosure = new ArrayList<>();

        StepResult result = optimizer.step(params -> {
            params.forEach(p -> seenByClosure.add(p.data()));
            return new ClosureResult(new Loss(1, "too quiet"), Map.of("p0", List.of(grad("Use capital letters"))));
        });

        assertThat(seenByClosure).containsExactly("Initial value");
        assertThat(param.grad()).containsExactly(grad("Use capital letters"));
        assertThat(model.userPrompt(0)).doesNotContain("Make it longer");
        assertThat(param.data()).isEqualTo("INITIAL VALUE");
        assertThat(result.closureGrads()).containsOnlyKeys("p0");
    }
}
