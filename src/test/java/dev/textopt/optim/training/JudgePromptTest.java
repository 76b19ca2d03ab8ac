package dev.textopt.optim.training;

import static dev.textopt.optim.training.TrainingFixtures.problemsOf;
import static dev.textopt.optim.training.TrainingFixtures.text;
import static dev.textopt.optim.training.TrainingFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge's prompt: the built-in contract tags, custom messages and their checks. */
class JudgePromptTest {

    private static final String CRITERIA = "The answer is the input in capital letters.";
    private final Trace trace = trace("t0", "hello world", "hello world");

    @Test
    void builtInPromptWrapsCriteriaInputOutputAndTargetInTheirTags() {
        List<ChatMessage> messages = JudgePrompt.of(null, CRITERIA, true).render(trace, "HELLO WORLD");

        assertThat(messages).extracting(ChatMessage::role).containsExactly(ChatMessage.Role.SYSTEM, ChatMessage.Role.USER);
        assertThat(messages.get(0).content()).contains("<SCORE>", "<EXPLANATION>", "from 0 to 1");
        assertThat(messages.get(1).content()).startsWith("<CRITERIA>" + CRITERIA + "</CRITERIA>\n\n<INPUT>hello world</INPUT>\n\n"
                + "<OUTPUT>hello world</OUTPUT>\n\n<TARGET>HELLO WORLD</TARGET>\n\n");
    }

    @Test
    void builtInPromptWithoutTargetsShowsNoTargetBlock() {
        List<ChatMessage> messages = JudgePrompt.of(null, CRITERIA, false).render(trace, null);

        assertThat(messages.get(1).content()).contains("<OUTPUT>hello world</OUTPUT>").doesNotContain("<TARGET>");
    }

    @Test
    void theInputIsTheForwardConversationsUserTurns() {
        Trace twoUserTurns = new Trace("t1", List.of(ChatMessage.system("Shout."), ChatMessage.user("first"),
                ChatMessage.assistant("FIRST"), ChatMessage.user("second")), null, "SECOND", List.of());

        assertThat(JudgePrompt.of(null, CRITERIA, false).render(twoUserTurns, null).get(1).content()).contains("<INPUT>first\nsecond</INPUT>");
    }

    @Test
    void insertsValuesWithBracesVerbatim() {
        Trace braces = trace("t2", "say {target}", "{output} }}");

        String user = JudgePrompt.of(null, "Use {input} {{x}}", true).render(braces, "{criteria}").get(1).content();

        assertThat(user).contains("<CRITERIA>Use {input} {{x}}</CRITERIA>", "<INPUT>say {target}</INPUT>",
                "<OUTPUT>{output} }}</OUTPUT>", "<TARGET>{criteria}</TARGET>");
    }

    @Test
    void customMessagesFillEveryPlaceholder() {
        JudgePrompt prompt = JudgePrompt.of(List.of(PromptTurn.system(text("Judge by: {criteria}"), ContentItem.literal("Use {tags}.")),
                PromptTurn.user(text("Q: {input}\nA: {output}\nExpected: {target}"))), CRITERIA, true);

        assertThat(prompt.render(trace, "HELLO WORLD")).containsExactly(
                ChatMessage.system("Judge by: " + CRITERIA + "\nUse {tags}."),
                ChatMessage.user("Q: hello world\nA: hello world\nExpected: HELLO WORLD"));
    }

    @Test
    void refusesAnUnknownPlaceholderNamingTheItem() {
        List<Problem> problems = problemsOf(() -> JudgePrompt.of(List.of(PromptTurn.user(text("{output}"), text("{score}"))), CRITERIA, false));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("evaluator.messages[0].content[1]");
            assertThat(p.message()).startsWith("unknown placeholder {score}; a judge prompt may use {output}, {target}, {criteria}, {input}");
        });
    }

    @Test
    void refusesCustomMessagesThatNeverShowTheOutput() {
        List<Problem> problems = problemsOf(() -> JudgePrompt.of(List.of(PromptTurn.user(text("Is {input} fine?"))), CRITERIA, false));

        assertThat(problems).containsExactly(new Problem("evaluator.messages", "must use {output}: a judge that never sees the output cannot score it"));
    }

    @Test
    void refusesTheTargetPlaceholderWhenTheRequestHasNoTargets() {
        List<Problem> problems = problemsOf(() -> JudgePrompt.of(List.of(PromptTurn.user(text("{output} vs {target}"))), CRITERIA, false));

        assertThat(problems).extracting(Problem::field).containsExactly("evaluator.messages[0].content[0]");
        assertThat(problems.get(0).message()).contains("no targets");
    }

    @Test
    void refusesAParameterInAJudgePrompt() {
        List<Problem> problems = problemsOf(() -> JudgePrompt.of(List.of(PromptTurn.user(text("{output}"), ContentItem.param("p1"))), CRITERIA, false));

        assertThat(problems).extracting(Problem::field).containsExactly("evaluator.messages[0].content[1].param");
    }

    @Test
    void needsCriteriaUnlessCustomMessagesLeaveThemOut() {
        assertThat(problemsOf(() -> JudgePrompt.of(null, " ", false))).extracting(Problem::field).containsExactly("evaluator.criteria");
        assertThat(problemsOf(() -> JudgePrompt.of(List.of(PromptTurn.user(text("{output} {criteria}"))), null, false)))
                .extracting(Problem::field).containsExactly("evaluator.criteria");
        assertThat(JudgePrompt.of(List.of(PromptTurn.user(text("Is {output} polite?"))), null, false).render(trace, null))
                .containsExactly(ChatMessage.user("Is hello world polite?"));
    }
}
