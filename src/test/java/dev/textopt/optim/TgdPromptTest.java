package dev.textopt.optim;

import static dev.textopt.optim.Fixtures.defaults;
import static dev.textopt.optim.Fixtures.grad;
import static dev.textopt.optim.Fixtures.options;
import static dev.textopt.optim.Fixtures.param;
import static dev.textopt.optim.Fixtures.tgd;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the model is shown: the built-in prompt's blocks and custom templates. */
class TgdPromptTest {

    private final FakeModelClient model = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);
    private final Parameter param = param("p0", "Classify {the} sentiment.");

    @Test
    void builtInPromptShowsRoleFullValueAndTheOutputContract() {
        param.appendGrad(grad("Be shorter"));

        tgd(List.of(param), defaults(0), model).step(null);

        String prompt = model.userPrompt(0);
        assertThat(prompt).contains("role is: parameter")
                .contains("<VARIABLE>Classify {the} sentiment.</VARIABLE>")
                .contains("<IMPROVED_VARIABLE>");
        assertThat(model.calls().get(0).get(0).role()).isEqualTo(ChatMessage.Role.SYSTEM);
    }

    @Test
    void emptyBlocksVanishEntirely() {
        param.appendGrad(grad("Be shorter"));

        tgd(List.of(param), defaults(0), model).step(null);

        String prompt = model.userPrompt(0);
        assertThat(prompt).doesNotContain("PAST_ITERATIONS").doesNotContain("CONSTRAINTS").doesNotContain("\n\n\n");
    }

    @Test
    void constraintsAreNumberedInTheirBlock() {
        param.appendGrad(grad("Be shorter"));
        Map<String, Object> defaults = defaults(0);
        defaults.put("constraints", List.of("Never use braces.", "Stay in English."));

        tgd(List.of(param), defaults, model).step(null);

        assertThat(model.userPrompt(0)).contains("<CONSTRAINTS>\n1. Never use braces.\n2. Stay in English.\n</CONSTRAINTS>");
    }

    @Test
    void pastIterationsShowEarlierValuesAndTheirFeedback() {
        param.setData("one");
        param.appendGrad(grad("Use capital letters"));
        Tgd optimizer = tgd(List.of(param), defaults(2), model);

        optimizer.step(null);
        assertThat(model.userPrompt(0)).doesNotContain("PAST_ITERATIONS");
        optimizer.step(null);

        String second = model.userPrompt(1);
        assertThat(second).contains("<PAST_ITERATIONS>\n<ITERATION number=\"1\">\n<VALUE>one</VALUE>\n<FEEDBACK>Use capital letters</FEEDBACK>\n</ITERATION>\n</PAST_ITERATIONS>");
        assertThat(second).contains("<VARIABLE>ONE</VARIABLE>");
    }

    @Test
    void contextComesJustBeforeItsFeedback() {
        param.appendGrad(new Gradient("Too long", "gradient", "user: hi\nassistant: a very long answer"), grad("Be polite"));

        tgd(List.of(param), defaults(0), model).step(null);

        assertThat(model.userPrompt(0)).contains(
                "<CONTEXT>user: hi\nassistant: a very long answer</CONTEXT>\n<FEEDBACK>Too long</FEEDBACK>\n<FEEDBACK>Be polite</FEEDBACK>");
    }

    @Test
    void customMessagesUseInputsBracesAndJoinedContent() {
        param.appendGrad(grad("Be shorter"));
        List<Object> messages = List.of(
                Map.of("role", "system", "content", List.of("You rewrite text for {audience}.",
                        Map.of("data", "Answer as {{\"v\": ...}}.", "role", "format", "requires_grad", false))),
                Map.of("role", "user", "content", List.of("{variable}|{feedback}")));

        tgd(List.of(param), options("model_client", "openai", "messages", messages, "inputs", Map.of("audience", "children")), model)
                .step(null);

        List<ChatMessage> conversation = model.calls().get(0);
        assertThat(conversation).containsExactly(
                ChatMessage.system("You rewrite text for children.\nAnswer as {\"v\": ...}."),
                ChatMessage.user("Classify {the} sentiment.|<FEEDBACK>Be shorter</FEEDBACK>"));
    }
}
