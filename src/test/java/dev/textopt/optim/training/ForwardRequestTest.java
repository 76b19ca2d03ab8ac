package dev.textopt.optim.training;

import static dev.textopt.optim.training.TrainingFixtures.problemsOf;
import static dev.textopt.optim.training.TrainingFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checking and rendering forward messages: what the model is sent, and every problem named by its field. */
class ForwardRequestTest {

    private static final Set<String> PARAMS = Set.of("p1", "p2");

    private static ForwardRequest request(List<PromptTurn> messages, List<Map<String, String>> inputs) {
        return ForwardRequest.of(messages, inputs, PARAMS, 256);
    }

    @Test
    void rendersEachTurnsItemsJoinedByNewlinesWithNothingAdded() {
        ForwardRequest request = request(List.of(
                        PromptTurn.system(ContentItem.param("p1"), new ContentItem.Literal("Answer briefly.", "style")),
                        PromptTurn.user(text("Text: {text}"), text("Language: {lang}"))),
                List.of(Map.of("text", "hello world", "lang", "en"), Map.of("text", "good morning", "lang", "fr")));

        assertThat(request.render(1, Map.of("p1", "Translate."))).containsExactly(
                ChatMessage.system("Translate.\nAnswer briefly."),
                ChatMessage.user("Text: good morning\nLanguage: fr"));
    }

    @Test
    void insertsParameterLiteralAndInputTextVerbatimWithoutScanningIt() {
        ForwardRequest request = request(List.of(PromptTurn.system(ContentItem.param("p1"), ContentItem.literal("Use {text} }} {")),
                PromptTurn.user(text("{{literal}} {text}"))), List.of(Map.of("text", "a {p1} b }")));

        assertThat(request.render(0, Map.of("p1", "Reply as {{\"json\": {text}}}"))).containsExactly(
                ChatMessage.system("Reply as {{\"json\": {text}}}\nUse {text} }} {"),
                ChatMessage.user("{literal} a {p1} b }"));
    }

    @Test
    void listsTheParametersUsedOnceEachInMessageOrder() {
        ForwardRequest request = request(List.of(PromptTurn.system(ContentItem.param("p2")),
                PromptTurn.user(ContentItem.param("p1"), ContentItem.param("p2"))), List.of(Map.of()));

        assertThat(request.paramIds()).containsExactly("p2", "p1");
    }

    @Test
    void namesTheInputItemThatLacksAPlaceholder() {
        List<Problem> problems = problemsOf(() -> request(List.of(PromptTurn.user(text("{text}"))),
                List.of(Map.of("text", "a"), Map.of("text", "b"), Map.of("txt", "c"))));

        assertThat(problems).containsExactly(new Problem("inputs[2].text", "missing: messages[0].content[0] uses {text}; every input item needs it"));
    }

    @Test
    void namesTheMessageItemWhenNoInputItemHasItsPlaceholder() {
        List<Problem> problems = problemsOf(() -> request(List.of(PromptTurn.system(ContentItem.param("p1")),
                PromptTurn.user(text("Hi"), text("{question}"))), List.of(Map.of("text", "a"), Map.of("text", "b"))));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("messages[1].content[1]");
            assertThat(p.message()).startsWith("uses {question}, which no input item has");
        });
    }

    @Test
    void refusesAnUnknownParameterNamingItsItem() {
        List<Problem> problems = problemsOf(() -> request(List.of(PromptTurn.system(text("x"), ContentItem.param("ghost"))),
                List.of(Map.of())));

        assertThat(problems).containsExactly(new Problem("messages[0].content[1].param", "no parameter of this session has id \"ghost\""));
    }

    @Test
    void refusesATemplateThatDoesNotParseWithWhereAndHow() {
        List<Problem> problems = problemsOf(() -> request(List.of(PromptTurn.user(text("{\"a\": 1}"))), List.of(Map.of())));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("messages[0].content[0]");
            assertThat(p.message()).contains("write '{{' and '}}'");
        });
    }

    @Test
    void refusesAnEmptyBatchAndEmptyTurns() {
        List<Problem> problems = problemsOf(() -> request(List.of(PromptTurn.of(ChatMessage.Role.USER)), List.of()));

        assertThat(problems).extracting(Problem::field).containsExactly("messages[0].content", "inputs");
        assertThat(problemsOf(() -> request(List.of(), List.of(Map.of())))).extracting(Problem::field).containsExactly("messages");
    }

    @Test
    void refusesMoreItemsThanTheBatchLimit() {
        List<Problem> problems = problemsOf(() -> ForwardRequest.of(List.of(PromptTurn.user(text("{text}"))),
                List.of(Map.of("text", "a"), Map.of("text", "b"), Map.of("text", "c")), PARAMS, 2));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("inputs");
            assertThat(p.message()).startsWith("3 input items; at most 2 per request");
        });
    }

    @Test
    void listsEveryProblemOfARequestAtOnce() {
        List<Problem> problems = problemsOf(() -> request(List.of(PromptTurn.system(ContentItem.param("ghost")),
                PromptTurn.user(text("{text} {lang")), PromptTurn.user(text("{text}"))), List.of(Map.of("x", "1"), Map.of("text", "2"))));

        assertThat(problems).extracting(Problem::field)
                .containsExactlyInAnyOrder("messages[0].content[0].param", "messages[1].content[0]", "inputs[0].text");
    }
}
