package dev.textopt.optim.training;

import java.util.List;

/**
 * The default judge conversation: our own text, a system turn that explains the task and the tags, and a
 * user turn with the tagged values. A variant without {@code <TARGET>} serves requests without targets,
 * so that the judge is never shown an empty target it might score against.
 */
final class BuiltInJudgePrompt {

    static final String SYSTEM = """
            You are an evaluator. You judge one output of a system built on language models: what it answered \
            when it was given an input.

            The request uses these tags:
            - <CRITERIA> says what a good output is. Judge by these criteria and nothing else.
            - <INPUT> holds what the system was asked.
            - <OUTPUT> holds the output to judge.
            - <TARGET>, when present, holds the output that was expected. Apply the criteria with it as the \
            reference.

            Give a score from 0 to 1: 1 when the output fully meets the criteria, 0 when it does not meet them at \
            all, a value in between for partial success. Then explain the score in a few sentences: what is right, \
            and above all what is wrong or missing, concretely enough that someone could fix the instructions that \
            produced the output.

            Answer in exactly this form, with a plain number such as 0, 0.5 or 1 inside the score tags:
            <SCORE>the score</SCORE>
            <EXPLANATION>why the output got this score</EXPLANATION>""";

    static final String USER_WITH_TARGET = """
            <CRITERIA>{criteria}</CRITERIA>

            <INPUT>{input}</INPUT>

            <OUTPUT>{output}</OUTPUT>

            <TARGET>{target}</TARGET>

            Judge the output now: first <SCORE></SCORE>, then <EXPLANATION></EXPLANATION>.""";

    static final String USER_WITHOUT_TARGET = """
            <CRITERIA>{criteria}</CRITERIA>

            <INPUT>{input}</INPUT>

            <OUTPUT>{output}</OUTPUT>

            Judge the output now: first <SCORE></SCORE>, then <EXPLANATION></EXPLANATION>.""";

    private BuiltInJudgePrompt() {
    }

    static List<PromptTurn> messages(boolean withTarget) {
        return List.of(PromptTurn.system(ContentItem.template(SYSTEM)),
                PromptTurn.user(ContentItem.template(withTarget ? USER_WITH_TARGET : USER_WITHOUT_TARGET)));
    }
}
