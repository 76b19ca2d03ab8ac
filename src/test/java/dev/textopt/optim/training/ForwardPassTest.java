package dev.textopt.optim.training;

import static dev.textopt.optim.training.TrainingFixtures.GPT_4O;
import static dev.textopt.optim.training.TrainingFixtures.inline;
import static dev.textopt.optim.training.TrainingFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Completion;
import dev.textopt.optim.FakeModelClient;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.TokenUsage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardPassTest {

    private static final List<PromptTurn> MESSAGES = List.of(PromptTurn.system(ContentItem.param("p1")), PromptTurn.user(text("{text}")));
    private static final ForwardRequest TWO_ITEMS = ForwardRequest.of(MESSAGES,
            List.of(Map.of("text", "hello world"), Map.of("text", "good morning")), Set.of("p1"), 256);
    private static final Map<String, String> PARAM_DATA = Map.of("p1", "Repeat the user's text.");

    /** A model that repeats the last user turn in upper case. */
    private static Completion shouts(List<ChatMessage> conversation) {
        return FakeModelClient.reply(conversation.get(conversation.size() - 1).content().toUpperCase());
    }

    @Test
    void theModelSeesExactlyTheRenderedTurnsOneCallPerItem() {
        FakeModelClient model = FakeModelClient.openAi(ForwardPassTest::shouts);

        new ForwardPass(inline(model)).run(TWO_ITEMS, PARAM_DATA, GPT_4O);

        assertThat(model.calls()).containsExactly(
                List.of(ChatMessage.system("Repeat the user's text."), ChatMessage.user("hello world")),
                List.of(ChatMessage.system("Repeat the user's text."), ChatMessage.user("good morning")));
    }

    @Test
    void returnsEachItemsMessagesOutputModelAndUsageInInputOrder() {
        FakeModelClient model = FakeModelClient.openAi(c -> new Completion(shouts(c).text(), new TokenUsage(1_000_000, 0), "gpt-4o-mini-2024-07-18"));

        ForwardResult result = new ForwardPass(inline(model)).run(TWO_ITEMS, PARAM_DATA, GPT_4O);

        assertThat(result).isInstanceOfSatisfying(ForwardResult.Completed.class, completed -> {
            assertThat(completed.outputs()).extracting(ForwardOutput::index, ForwardOutput::output, ForwardOutput::model)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "HELLO WORLD", "gpt-4o-mini-2024-07-18"),
                            org.assertj.core.groups.Tuple.tuple(1, "GOOD MORNING", "gpt-4o-mini-2024-07-18"));
            assertThat(completed.outputs().get(1).messages()).isEqualTo(model.calls().get(1));
            assertThat(completed.outputs().get(0).usage().cost().amount()).isEqualByComparingTo(new BigDecimal("0.15"));
        });
        assertThat(result.usage()).containsOnlyKeys("openai");
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(2_000_000, 0));
    }

    @Test
    void anyReplyIsAnOutputAndIsNeverReAsked() {
        FakeModelClient model = FakeModelClient.openAi(c -> FakeModelClient.reply("<IMPROVED_VARIABLE>"));

        ForwardResult result = new ForwardPass(inline(model)).run(TWO_ITEMS, PARAM_DATA, GPT_4O);

        assertThat(model.calls()).hasSize(2);
        assertThat(((ForwardResult.Completed) result).outputs()).extracting(ForwardOutput::output).containsOnly("<IMPROVED_VARIABLE>");
    }

    @Test
    void oneFailedItemFailsThePassNamingTheItemAndStillCountsEveryToken() {
        FakeModelClient model = FakeModelClient.openAi(c -> {
            if (c.get(1).content().equals("good morning")) {
                throw new ModelCallException.UnusableReply("content filter", new TokenUsage(7, 3));
            }
            return shouts(c);
        });

        ForwardResult result = new ForwardPass(inline(model)).run(TWO_ITEMS, PARAM_DATA, GPT_4O);

        assertThat(result).isInstanceOfSatisfying(ForwardResult.Failed.class, failed -> assertThat(failed.failures())
                .singleElement().satisfies(f -> {
                    assertThat(f.index()).isEqualTo(1);
                    assertThat(f.cause()).hasMessage("content filter");
                }));
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(107, 13));
    }

    @Test
    void aClientNoLongerConfiguredFailsEveryItemWithoutACall() {
        FakeModelClient model = FakeModelClient.openAi(ForwardPassTest::shouts);

        ForwardResult result = new ForwardPass(inline(model)).run(TWO_ITEMS, PARAM_DATA, new ModelRole("anthropic", Map.of()));

        assertThat(result).isInstanceOfSatisfying(ForwardResult.Failed.class, failed -> assertThat(failed.failures())
                .extracting(ItemFailure::cause).allSatisfy(c -> assertThat(c).isInstanceOf(ModelCallException.NotConfigured.class)));
        assertThat(model.calls()).isEmpty();
        assertThat(result.usage().get("anthropic").tokens()).isEqualTo(TokenUsage.NONE);
    }
}
