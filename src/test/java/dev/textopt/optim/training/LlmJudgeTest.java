package dev.textopt.optim.training;

import static dev.textopt.optim.training.TrainingFixtures.GPT_4O;
import static dev.textopt.optim.training.TrainingFixtures.inline;
import static dev.textopt.optim.training.TrainingFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Completion;
import dev.textopt.optim.FakeModelClient;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.TokenUsage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LlmJudgeTest {

    private static final JudgePrompt PROMPT = JudgePrompt.of(null, "Capital letters.", true);

    /** A judge that compares <OUTPUT> with <TARGET>, as the end-to-end fake will. */
    private static Completion compares(List<ChatMessage> conversation) {
        String user = conversation.get(1).content();
        boolean same = FakeModelClient.between(user, "<OUTPUT>", "</OUTPUT>").equals(FakeModelClient.between(user, "<TARGET>", "</TARGET>"));
        return FakeModelClient.reply(same ? "<SCORE>1</SCORE><EXPLANATION>Same.</EXPLANATION>"
                : "<SCORE>0</SCORE><EXPLANATION>Not in capitals.</EXPLANATION>");
    }

    private static List<JudgeItem> items(String... outputsAndTargets) {
        List<JudgeItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < outputsAndTargets.length; i += 2) {
            items.add(new JudgeItem(trace("t" + i, "in", outputsAndTargets[i]), outputsAndTargets[i + 1], GPT_4O));
        }
        return items;
    }

    private static EvaluationResult judge(Function<List<ChatMessage>, Completion> model, List<JudgeItem> items) {
        return new LlmJudge(inline(FakeModelClient.openAi(model)), PROMPT).evaluate(items);
    }

    @Test
    void scoresEachTraceWithTheJudgesNumberAndExplanation() {
        EvaluationResult result = judge(LlmJudgeTest::compares, items("HELLO", "HELLO", "hi", "HI"));

        assertThat(result).isInstanceOfSatisfying(EvaluationResult.Scored.class, scored -> {
            assertThat(scored.evaluations()).containsExactly(new Evaluation(1, "Same."), new Evaluation(0, "Not in capitals."));
            assertThat(scored.loss()).isEqualTo(new BatchLoss(0.5, "[0] Same.\n[1] Not in capitals."));
        });
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void reAsksOnceOnAMalformedReplyAndUsesTheSecond() {
        FakeModelClient model = FakeModelClient.openAi(c -> FakeModelClient.reply(c.size() == 2 ? "Looks right to me: 1/1."
                : "<SCORE>1</SCORE>\n<EXPLANATION>Correct.</EXPLANATION>"));

        EvaluationResult result = new LlmJudge(inline(model), PROMPT).evaluate(items("HELLO", "HELLO"));

        assertThat(((EvaluationResult.Scored) result).evaluations()).containsExactly(new Evaluation(1, "Correct."));
        List<ChatMessage> reAsk = model.calls().get(1);
        assertThat(reAsk).hasSize(4);
        assertThat(reAsk.get(2)).isEqualTo(ChatMessage.assistant("Looks right to me: 1/1."));
        assertThat(reAsk.get(3).content()).startsWith("Your reply had no score between <SCORE> and </SCORE>.");
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void failsTheItemAsUnusableAfterASecondBadReplyAndCountsBothCalls() {
        FakeModelClient model = FakeModelClient.openAi(c -> FakeModelClient.reply("<SCORE>8</SCORE><EXPLANATION>Good.</EXPLANATION>"));

        EvaluationResult result = new LlmJudge(inline(model), PROMPT).evaluate(items("HELLO", "HELLO"));

        assertThat(result).isInstanceOfSatisfying(EvaluationResult.Failed.class, failed -> assertThat(failed.failures())
                .singleElement().satisfies(f -> {
                    assertThat(f.index()).isZero();
                    assertThat(f.cause()).isInstanceOf(ModelCallException.UnusableReply.class).hasMessageContaining("<SCORE>");
                    assertThat(f.cause().usage()).isEqualTo(new TokenUsage(200, 20));
                }));
        assertThat(model.calls().get(1).get(3).content()).startsWith("The score 8 is outside the range from 0 to 1.");
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void oneFailedJudgeCallFailsTheWholeEvaluation() {
        EvaluationResult result = judge(c -> {
            if (c.get(1).content().contains("<OUTPUT>hi</OUTPUT>")) {
                throw new ModelCallException.Timeout("judge too slow");
            }
            return compares(c);
        }, items("HELLO", "HELLO", "hi", "HI", "YO", "YO"));

        assertThat(result).isInstanceOfSatisfying(EvaluationResult.Failed.class, failed ->
                assertThat(failed.failures()).extracting(ItemFailure::index).containsExactly(1));
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void eachTraceUsesItsOwnJudgeAndUsageListsClientsInTraceOrder() {
        FakeModelClient openAi = FakeModelClient.openAi(LlmJudgeTest::compares);
        FakeModelClient other = new FakeModelClient("judge-b", "OpenAiChatModel", LlmJudgeTest::compares);
        List<JudgeItem> items = List.of(new JudgeItem(trace("t0", "in", "A"), "A", new ModelRole("judge-b", Map.of())),
                new JudgeItem(trace("t1", "in", "B"), "B", GPT_4O));

        EvaluationResult result = new LlmJudge(inline(openAi, other), PROMPT).evaluate(items);

        assertThat(result.usage()).containsOnlyKeys("judge-b", "openai");
        assertThat(result.usage().keySet()).containsExactly("judge-b", "openai");
        assertThat(openAi.calls()).hasSize(1);
        assertThat(other.calls()).hasSize(1);
    }
}
