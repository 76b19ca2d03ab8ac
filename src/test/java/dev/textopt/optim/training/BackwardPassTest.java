package dev.textopt.optim.training;

import static dev.textopt.optim.training.TrainingFixtures.GPT_4O;
import static dev.textopt.optim.training.TrainingFixtures.inline;
import static dev.textopt.optim.training.TrainingFixtures.param;
import static dev.textopt.optim.training.TrainingFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Completion;
import dev.textopt.optim.FakeModelClient;
import dev.textopt.optim.Gradient;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackwardPassTest {

    private static final Evaluation WRONG = new Evaluation(0, "expected \"HELLO\", got \"hello\"");
    private final TraceParam system = param("p1", "Repeat the text.");
    private final TraceParam frozen = new TraceParam("p2", "Be polite.", "style", false);
    private final TraceParam suffix = new TraceParam("p3", "Thanks.", "closing line", true);

    /** A backward model that answers from <PARAMETER> and <EVALUATION>, as the end-to-end fake will. */
    private static Completion advises(List<ChatMessage> conversation) {
        String user = conversation.get(1).content();
        return FakeModelClient.reply("<FEEDBACK>Change \"" + FakeModelClient.between(user, "\">", "</PARAMETER>") + "\": "
                + FakeModelClient.between(user, "explanation: ", "\n</EVALUATION>") + "</FEEDBACK>");
    }

    private List<BackwardItem> twoTraces() {
        return List.of(new BackwardItem(new Trace("t0", List.of(ChatMessage.system("Repeat the text.\nBe polite.\nThanks."),
                        ChatMessage.user("hello")), null, "hello", List.of(system, frozen, suffix)), WRONG, GPT_4O),
                new BackwardItem(trace("t1", "bye", "BYE", system), new Evaluation(1, "matches"), GPT_4O));
    }

    @Test
    void oneCallPerTraceAndParameterThatRequiresGradGradientsInTraceThenParameterOrder() {
        FakeModelClient model = FakeModelClient.openAi(BackwardPassTest::advises);

        BackwardResult result = new BackwardPass(inline(model), BackwardPrompt.of(null)).run(twoTraces());

        assertThat(model.calls()).hasSize(3);
        assertThat(result).isInstanceOfSatisfying(BackwardResult.Completed.class, completed -> assertThat(completed.gradients())
                .extracting(TraceGradient::traceId, TraceGradient::paramId)
                .containsExactly(tuple("t0", "p1"), tuple("t0", "p3"), tuple("t1", "p1")));
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(300, 30));
    }

    @Test
    void aGradientHoldsTheFeedbackTheParametersRoleAndTheTraceInShort() {
        BackwardResult result = new BackwardPass(inline(FakeModelClient.openAi(BackwardPassTest::advises)), BackwardPrompt.of(null))
                .run(twoTraces());

        assertThat(((BackwardResult.Completed) result).gradients().get(1).gradient()).isEqualTo(new Gradient(
                "Change \"Thanks.\": expected \"HELLO\", got \"hello\"", "feedback on closing line",
                "input: hello\noutput: hello\nscore: 0\nexplanation: expected \"HELLO\", got \"hello\""));
    }

    @Test
    void countsTheGradientsEachParameterWouldGetBeforeAnyCall() {
        assertThat(BackwardPass.gradientsPerParam(twoTraces())).containsExactly(
                java.util.Map.entry("p1", 2), java.util.Map.entry("p3", 1));
    }

    @Test
    void reAsksOnceOnAReplyWithoutFeedbackAndUsesTheSecond() {
        FakeModelClient model = FakeModelClient.openAi(c -> FakeModelClient.reply(c.size() == 2
                ? "The prompt should ask for capitals." : "<FEEDBACK>\n Ask for capital letters. \n</FEEDBACK>"));

        BackwardResult result = new BackwardPass(inline(model), BackwardPrompt.of(null))
                .run(List.of(new BackwardItem(trace("t0", "hello", "hello", system), WRONG, GPT_4O)));

        assertThat(((BackwardResult.Completed) result).gradients()).extracting(g -> g.gradient().data())
                .containsExactly("Ask for capital letters.");
        assertThat(model.calls().get(1).get(2)).isEqualTo(ChatMessage.assistant("The prompt should ask for capitals."));
        assertThat(model.calls().get(1).get(3).content()).startsWith("Your reply did not contain the feedback between <FEEDBACK> and </FEEDBACK>.");
    }

    @Test
    void failsTheCallAsUnusableWhenTheSecondReplyHasNoFeedbackEither() {
        FakeModelClient model = FakeModelClient.openAi(c -> FakeModelClient.reply("<FEEDBACK>  </FEEDBACK>"));

        BackwardResult result = new BackwardPass(inline(model), BackwardPrompt.of(null))
                .run(List.of(new BackwardItem(trace("t0", "hello", "hello", system), WRONG, GPT_4O)));

        assertThat(result).isInstanceOfSatisfying(BackwardResult.Failed.class, failed -> assertThat(failed.failures())
                .singleElement().satisfies(f -> assertThat(f.cause()).isInstanceOf(ModelCallException.UnusableReply.class)
                        .hasMessage("the model answered twice without feedback inside <FEEDBACK>…</FEEDBACK>")));
        assertThat(model.calls().get(1).get(3).content()).startsWith("Your reply had no feedback between <FEEDBACK> and </FEEDBACK>.");
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void oneFailedCallAppendsNothingNamesTraceAndParameterAndCountsEveryToken() {
        FakeModelClient model = FakeModelClient.openAi(c -> {
            if (c.get(1).content().contains("<PARAMETER role=\"closing line\">")) {
                throw new ModelCallException.RateLimited("slow down", null);
            }
            return advises(c);
        });

        BackwardResult result = new BackwardPass(inline(model), BackwardPrompt.of(null)).run(twoTraces());

        assertThat(result).isInstanceOfSatisfying(BackwardResult.Failed.class, failed -> assertThat(failed.failures())
                .extracting(BackwardFailure::traceId, BackwardFailure::paramId).containsExactly(tuple("t0", "p3")));
        assertThat(model.calls()).hasSize(3);
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void aTraceWithoutParametersThatRequireGradNeedsNoCall() {
        FakeModelClient model = FakeModelClient.openAi(BackwardPassTest::advises);

        BackwardResult result = new BackwardPass(inline(model), BackwardPrompt.of(null))
                .run(List.of(new BackwardItem(trace("t0", "hello", "hello", frozen), WRONG, GPT_4O)));

        assertThat(result).isEqualTo(new BackwardResult.Completed(List.of(), java.util.Map.of()));
        assertThat(model.calls()).isEmpty();
    }
}
