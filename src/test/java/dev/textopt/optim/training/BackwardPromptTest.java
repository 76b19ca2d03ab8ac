package dev.textopt.optim.training;

import static dev.textopt.optim.training.TrainingFixtures.param;
import static dev.textopt.optim.training.TrainingFixtures.problemsOf;
import static dev.textopt.optim.training.TrainingFixtures.text;
import static dev.textopt.optim.training.TrainingFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backward prompt: the built-in contract tags, custom messages and their checks. */
class BackwardPromptTest {

    private final TraceParam prompt = param("p1", "Answer in one word.");
    private final Trace trace = trace("t0", "hello world", "hello world", prompt);
    private final Evaluation evaluation = new Evaluation(0, "expected \"HELLO WORLD\", got \"hello world\"");

    @Test
    void builtInPromptWrapsConversationOutputEvaluationAndParameterInTheirTags() {
        List<ChatMessage> messages = BackwardPrompt.of(null).render(trace, evaluation, prompt);

        assertThat(messages.get(0).role()).isEqualTo(ChatMessage.Role.SYSTEM);
        assertThat(messages.get(0).content()).contains("<FEEDBACK>", "<PARAMETER>", "<CONVERSATION>");
        assertThat(messages.get(1)).isEqualTo(ChatMessage.user("""
                <CONVERSATION>
                system: Answer in one word.
                user: hello world
                </CONVERSATION>

                <OUTPUT>hello world</OUTPUT>

                <EVALUATION>
                score: 0
                explanation: expected "HELLO WORLD", got "hello world"
                </EVALUATION>

                <PARAMETER role="system prompt">Answer in one word.</PARAMETER>

                Write your feedback on the parameter now, inside <FEEDBACK></FEEDBACK>."""));
    }

    @Test
    void theConversationPrefixesEachTurnOnceByItsRole() {
        Trace multiLine = new Trace("t1", List.of(ChatMessage.system("Rule one.\nRule two."), ChatMessage.user("hi"),
                ChatMessage.assistant("HI"), ChatMessage.user("bye")), null, "BYE", List.of(prompt));

        assertThat(multiLine.conversation()).isEqualTo("system: Rule one.\nRule two.\nuser: hi\nassistant: HI\nuser: bye");
    }

    @Test
    void customMessagesFillEveryPlaceholderVerbatim() {
        TraceParam braces = new TraceParam("p2", "Reply as {{\"json\": {output}}}", "format {role}", true);
        Trace t = trace("t2", "q", "{evaluation}", braces);
        BackwardPrompt custom = BackwardPrompt.of(List.of(PromptTurn.user(text("{role} | {parameter} | {output} | {evaluation}"),
                text("{conversation}"))));

        assertThat(custom.render(t, new Evaluation(0.75, "close"), braces)).containsExactly(ChatMessage.user(
                "format {role} | Reply as {{\"json\": {output}}} | {evaluation} | score: 0.75\nexplanation: close\n"
                        + "system: Reply as {{\"json\": {output}}}\nuser: q"));
    }

    @Test
    void refusesAnUnknownPlaceholderNamingTheItem() {
        List<Problem> problems = problemsOf(() -> BackwardPrompt.of(List.of(PromptTurn.system(text("Be brief.")),
                PromptTurn.user(text("{parameter} {output}"), text("{variable}")))));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("messages[1].content[1]");
            assertThat(p.message()).startsWith("unknown placeholder {variable}; a backward prompt may use "
                    + "{conversation}, {output}, {evaluation}, {parameter}, {role}");
        });
    }

    @Test
    void refusesCustomMessagesWithoutTheParameterOrTheOutput() {
        List<Problem> problems = problemsOf(() -> BackwardPrompt.of(List.of(PromptTurn.user(text("{conversation}")))));

        assertThat(problems).containsExactly(
                new Problem("messages", "must use {output}: the model must see the output to say how to improve it"),
                new Problem("messages", "must use {parameter}: the model must see the parameter it gives feedback on"));
    }

    @Test
    void refusesAParameterReferenceInABackwardPrompt() {
        List<Problem> problems = problemsOf(() -> BackwardPrompt.of(List.of(PromptTurn.user(text("{parameter} {output}"),
                ContentItem.param("p1")))));

        assertThat(problems).extracting(Problem::field).containsExactly("messages[0].content[1].param");
    }
}
