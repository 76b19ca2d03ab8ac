package dev.textopt.optim;

import static dev.textopt.optim.Fixtures.defaults;
import static dev.textopt.optim.Fixtures.grad;
import static dev.textopt.optim.Fixtures.param;
import static dev.textopt.optim.Fixtures.tgd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TgdStepTest {

    @Test
    void momentumKeepsOnlyTheNewestEntries() {
        AtomicInteger n = new AtomicInteger();
        FakeModelClient model = FakeModelClient.openAi(c -> FakeModelClient.reply("<IMPROVED_VARIABLE>v" + n.incrementAndGet() + "</IMPROVED_VARIABLE>"));
        Parameter p = param("p0", "v0");
        p.appendGrad(grad("change it"));
        Tgd optimizer = tgd(List.of(p), defaults(2), model);

        optimizer.step(null);
        optimizer.step(null);
        optimizer.step(null);

        assertThat(p.data()).isEqualTo("v3");
        assertThat(optimizer.state().get("p0").momentumBuffer()).extracting(e -> e.snapshot().data()).containsExactly("v1", "v2");
    }

    @Test
    void momentumZeroKeepsNoState() {
        Parameter p = param("p0", "x");
        p.appendGrad(grad("Use capital letters"));
        Tgd optimizer = tgd(List.of(p), defaults(0), FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback));

        optimizer.step(null);

        assertThat(p.data()).isEqualTo("X");
        assertThat(optimizer.state()).isEmpty();
    }

    @Test
    void reAsksOnceWhenTheReplyBreaksTheContractThenUsesTheSecondAnswer() {
        FakeModelClient model = FakeModelClient.openAi(c -> FakeModelClient.reply(
                c.size() == 2 ? "I think it is fine." : "<IMPROVED_VARIABLE>better</IMPROVED_VARIABLE>"));
        Parameter p = param("p0", "good");
        p.appendGrad(grad("improve"));
        Tgd optimizer = tgd(List.of(p), defaults(0), model);

        StepResult result = optimizer.step(null);

        assertThat(result).isInstanceOf(StepResult.Applied.class);
        assertThat(p.data()).isEqualTo("better");
        List<ChatMessage> reAsk = model.calls().get(1);
        assertThat(reAsk).hasSize(4);
        assertThat(reAsk.get(2)).isEqualTo(ChatMessage.assistant("I think it is fine."));
        assertThat(reAsk.get(3).content()).contains("did not contain").contains("<IMPROVED_VARIABLE>");
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void failsTheParameterWhenTheReAskIsUnusableToo() {
        FakeModelClient model = FakeModelClient.openAi(c -> FakeModelClient.reply("<IMPROVED_VARIABLE>\n</IMPROVED_VARIABLE>"));
        Parameter p = param("p0", "good");
        p.appendGrad(grad("improve"));
        Tgd optimizer = tgd(List.of(p), defaults(1), model);

        StepResult result = optimizer.step(null);

        assertThat(result).isInstanceOfSatisfying(StepResult.Failed.class, failed -> {
            assertThat(failed.failures()).singleElement().satisfies(f -> {
                assertThat(f.paramId()).isEqualTo("p0");
                assertThat(f.cause()).isInstanceOf(ModelCallException.UnusableReply.class);
                assertThat(f.cause().usage()).isEqualTo(new TokenUsage(200, 20));
            });
        });
        assertThat(model.calls()).hasSize(2);
        assertThat(p.data()).isEqualTo("good");
        assertThat(optimizer.state()).isEmpty();
        assertThat(optimizer.usage().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void oneFailureChangesNoValueNorMomentumButCountsAllUsage() {
        FakeModelClient model = FakeModelClient.openAi(c -> {
            if (c.get(c.size() - 1).content().contains("<VARIABLE>b</VARIABLE>")) {
                throw new ModelCallException.UnusableReply("refused", new TokenUsage(7, 3));
            }
            return FakeModelClient.reply("<IMPROVED_VARIABLE>A</IMPROVED_VARIABLE>");
        });
        Parameter a = param("a", "a");
        Parameter b = param("b", "b");
        a.appendGrad(grad("upper"));
        b.appendGrad(grad("upper"));
        Tgd optimizer = tgd(List.of(a, b), defaults(2), model);

        StepResult result = optimizer.step(null);

        assertThat(result).isInstanceOfSatisfying(StepResult.Failed.class, failed -> {
            assertThat(failed.failures()).extracting(ParamFailure::paramId).containsExactly("b");
            assertThat(failed.params()).containsExactly(new ParamOutcome.Updated("a", "a", "A", List.of(grad("upper"))));
        });
        assertThat(a.data()).isEqualTo("a");
        assertThat(b.data()).isEqualTo("b");
        assertThat(optimizer.state()).isEmpty();
        assertThat(optimizer.usage().get("openai").tokens()).isEqualTo(new TokenUsage(107, 13));
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(107, 13));
    }

    @Test
    void skipsParametersWithoutGradientOrWithoutRequiresGrad() {
        FakeModelClient model = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);
        Parameter frozen = new Parameter("frozen", "x", "r", false, List.of(grad("Use capital letters")));
        Parameter quiet = param("quiet", "y");
        Tgd optimizer = tgd(List.of(frozen, quiet), defaults(0), model);

        StepResult result = optimizer.step(null);

        assertThat(result).isInstanceOfSatisfying(StepResult.Applied.class, applied -> assertThat(applied.params()).containsExactly(
                new ParamOutcome.Skipped("frozen", "requires_grad is false"), new ParamOutcome.Skipped("quiet", "no gradient")));
        assertThat(model.calls()).isEmpty();
        assertThat(result.usage()).isEmpty();
    }

    @Test
    void aThrowingClosurePropagatesAndChangesNothing() {
        FakeModelClient model = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);
        Parameter p = param("p0", "x");
        p.appendGrad(grad("Use capital letters"));
        Tgd optimizer = tgd(List.of(p), defaults(1), model);

        assertThatThrownBy(() -> optimizer.step(params -> {
            throw new IllegalStateException("evaluator down");
        })).hasMessage("evaluator down");
        assertThat(p.data()).isEqualTo("x");
        assertThat(model.calls()).isEmpty();
    }

    @Test
    void rejectsClosureGradsForUnknownParametersNamingThem() {
        Parameter p = param("p0", "x");
        p.appendGrad(grad("keep"));
        Tgd optimizer = tgd(List.of(p), defaults(1), FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback));

        assertThatThrownBy(() -> optimizer.step(params -> new ClosureResult(null, Map.of("ghost", List.of(grad("x"))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
        assertThat(p.grad()).containsExactly(grad("keep"));
    }

    @Test
    void costIsUnknownForAnUnpricedModel() {
        Parameter p = param("p0", "x");
        p.appendGrad(grad("Use capital letters"));
        Map<String, Object> defaults = defaults(0);
        defaults.put("completion_args", Map.of("model", "llama-3"));
        Tgd optimizer = tgd(List.of(p), defaults, FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback));

        StepResult result = optimizer.step(null);

        assertThat(result.usage().get("openai")).isEqualTo(new Usage(new TokenUsage(100, 10), Cost.unknown()));
        assertThat(optimizer.usage().get("openai").cost().amount()).isNull();
    }

    @Test
    void pricesTheModelThatAnsweredByItsFamily() {
        FakeModelClient model = FakeModelClient.openAi(c -> new Completion("<IMPROVED_VARIABLE>y</IMPROVED_VARIABLE>",
                new TokenUsage(1_000_000, 100_000), "gpt-4o-mini-2024-07-18"));
        Parameter p = param("p0", "x");
        p.appendGrad(grad("change"));

        StepResult result = tgd(List.of(p), defaults(0), model).step(null);

        assertThat(result.usage().get("openai").cost().amount()).isEqualByComparingTo(new BigDecimal("0.21"));
    }

    @Test
    void reportsProgressPerParameter() {
        Parameter p = param("p0", "x");
        p.appendGrad(grad("Use capital letters"));
        StringBuilder log = new StringBuilder();

        tgd(List.of(p, param("p1", "y")), defaults(0), FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback))
                .step(null, new StepProgress() {
                    @Override
                    public void started(int totalCalls) {
                        log.append("started ").append(totalCalls).append(';');
                    }

                    @Override
                    public void paramFinished(String paramId, boolean ok) {
                        log.append(paramId).append(' ').append(ok);
                    }
                }, Allowance.UNLIMITED);

        assertThat(log).hasToString("started 1;p0 true");
    }

    @Test
    void makesNoFurtherCallOnceTheAllowanceIsUsedUpAndAppliesNothing() {
        FakeModelClient model = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);
        List<Parameter> params = List.of(param("p0", "a"), param("p1", "b"), param("p2", "c"));
        params.forEach(p -> p.appendGrad(grad("Use capital letters")));
        Tgd optimizer = tgd(params, defaults(0), model);

        // one call costs 0.00035 USD (100 + 10 tokens of gpt-4o); the calls run one after another here
        StepResult result = optimizer.step(null, StepProgress.NONE, new Allowance(new BigDecimal("0.0003")));

        assertThat(model.calls()).hasSize(1);
        var failed = (StepResult.Failed) result;
        assertThat(failed.failures()).extracting(ParamFailure::paramId).containsExactly("p1", "p2");
        assertThat(failed.failures()).allSatisfy(f -> assertThat(f.cause()).isInstanceOf(ModelCallException.BudgetReached.class));
        assertThat(failed.usage().get("openai").cost().amount()).isEqualByComparingTo("0.00035");
        assertThat(params).extracting(Parameter::data).containsExactly("a", "b", "c");
    }

    @Test
    void anAllowanceIsWhatTheBudgetLeavesAndNeverBelowNothing() {
        assertThat(Allowance.of(new BigDecimal("5"), new BigDecimal("1.25")).amount()).isEqualByComparingTo("3.75");
        assertThat(Allowance.of(new BigDecimal("5"), new BigDecimal("7")).amount()).isEqualByComparingTo("0");
    }
}
