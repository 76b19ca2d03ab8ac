package dev.textopt.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The one model call every operation makes: its contract, its single re-ask and its metering. */
class ContractCallTest {

    /** A reply must be a whole number; anything else is corrected once. */
    private static final ReplyContract<Integer> WHOLE_NUMBER = new ReplyContract<>() {
        @Override
        public Optional<Integer> read(String reply) {
            return reply.strip().matches("\\d+") ? Optional.of(Integer.parseInt(reply.strip())) : Optional.empty();
        }

        @Override
        public String correction(String reply) {
            return "\"" + reply + "\" is not a whole number. Answer with digits only.";
        }

        @Override
        public String expected() {
            return "a whole number";
        }
    };

    private final UsageMeter meter = new UsageMeter();

    private ContractCall<Integer> call(ModelClient client) {
        return new ContractCall<>(client.name(), Map.of("model", "gpt-4o"), List.of(ChatMessage.user("How many?")), WHOLE_NUMBER,
                new FakeClients(client), Fixtures.PRICES, meter, Allowance.UNLIMITED);
    }

    private static FakeModelClient answering(Function<List<ChatMessage>, Completion> answer) {
        return FakeModelClient.openAi(answer);
    }

    @Test
    void aReplyThatKeepsTheContractIsReadWithTheAnsweringModelAndItsCost() {
        ContractCall.Answer<Integer> answer = call(answering(c -> new Completion(" 42\n", new TokenUsage(1_000_000, 0), "gpt-4o-mini-2024-07-18"))).run();

        assertThat(answer.value()).isEqualTo(42);
        assertThat(answer.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(answer.usage().cost().amount()).isEqualByComparingTo(new BigDecimal("0.15"));
    }

    @Test
    void reAsksOnceWithTheContractsCorrectionAndCostsBothCalls() {
        FakeModelClient model = answering(c -> FakeModelClient.reply(c.size() == 1 ? "about forty" : "40"));

        ContractCall.Answer<Integer> answer = call(model).run();

        assertThat(answer.value()).isEqualTo(40);
        assertThat(answer.model()).as("the requested model when the provider names none").isEqualTo("gpt-4o");
        assertThat(model.calls().get(1)).containsExactly(ChatMessage.user("How many?"), ChatMessage.assistant("about forty"),
                ChatMessage.user("\"about forty\" is not a whole number. Answer with digits only."));
        assertThat(answer.usage().tokens()).isEqualTo(new TokenUsage(200, 20));
        assertThat(meter.snapshot().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void failsAsAnUnusableReplyAfterTheSecondBreachSayingWhatWasExpected() {
        assertThatThrownBy(() -> call(answering(c -> FakeModelClient.reply("many"))).run())
                .isInstanceOfSatisfying(ModelCallException.UnusableReply.class, e -> {
                    assertThat(e).hasMessage("the model answered twice without a whole number");
                    assertThat(e.usage()).isEqualTo(new TokenUsage(200, 20));
                });
        assertThat(meter.snapshot().get("openai").tokens()).isEqualTo(new TokenUsage(200, 20));
    }

    @Test
    void metersTheTokensOfAFailedCompletionAtTheRequestedModelsPrice() {
        assertThatThrownBy(() -> call(answering(c -> {
            throw new ModelCallException.UnusableReply("cut off", new TokenUsage(1_000_000, 0));
        })).run()).hasMessage("cut off");

        assertThat(meter.snapshot().get("openai").cost().amount()).isEqualByComparingTo(new BigDecimal("2.50"));
    }

    @Test
    void aClientThatCannotBeCalledFailsAsNotConfiguredWithoutACall() {
        FakeModelClient model = answering(c -> FakeModelClient.reply("1"));
        ModelClient withoutKey = new ModelClient() {
            public String name() { return "openai"; }
            public String provider() { return "openai"; }
            public String classType() { return "OpenAiChatModel"; }
            public Completion complete(List<ChatMessage> messages, Map<String, Object> args) { return model.complete(messages, args); }
            public Optional<String> missingConfiguration() { return Optional.of("set OPENAI_API_KEY"); }
        };

        assertThatThrownBy(() -> call(withoutKey).run()).isInstanceOf(ModelCallException.NotConfigured.class)
                .hasMessage("model client \"openai\" cannot be called: set OPENAI_API_KEY");
        assertThatThrownBy(() -> new ContractCall<>("gone", Map.of(), List.of(ChatMessage.user("?")), WHOLE_NUMBER,
                new FakeClients(model), Fixtures.PRICES, meter, Allowance.UNLIMITED).run())
                .isInstanceOf(ModelCallException.NotConfigured.class).hasMessageContaining("no longer configured");
        assertThat(model.calls()).isEmpty();
    }
}
