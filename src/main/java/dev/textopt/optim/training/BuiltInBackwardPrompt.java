package dev.textopt.optim.training;

import java.util.List;

/**
 * The default backward conversation: our own text, a system turn that explains the task and the tags, and
 * a user turn with the tagged values. The feedback it asks for becomes a gradient that the TGD step's
 * prompt later shows inside {@code <FEEDBACK>}, so it asks for criticism, not for a rewritten value.
 */
final class BuiltInBackwardPrompt {

    static final String SYSTEM = """
            You give feedback on one part of a system built on language models: a parameter, such as a system \
            prompt or an instruction, that shaped what a model answered. The answer was evaluated, and the \
            evaluation says how well it did.

            The request uses these tags:
            - <CONVERSATION> holds the conversation the model was given, each turn on its own lines, prefixed by \
            its role.
            - <OUTPUT> holds what the model answered.
            - <EVALUATION> holds the answer's score, from 0 (worst) to 1 (best), and the evaluator's explanation.
            - <PARAMETER> holds the parameter's value at the time of the conversation; its role attribute says \
            what the parameter is for.

            Explain how the parameter should change so that the output would score better: what in it led to \
            the shortcomings the evaluation names, and what it should say instead or in addition. Be specific: \
            quote the parts to change and say what to write. Speak only about this parameter, not about other \
            parts of the conversation. Do not rewrite the whole parameter; another step will do that from your \
            feedback. If the output already scores 1, say what the parameter must keep.

            Answer with your feedback between <FEEDBACK> and </FEEDBACK>.""";

    static final String USER = """
            <CONVERSATION>
            {conversation}
            </CONVERSATION>

            <OUTPUT>{output}</OUTPUT>

            <EVALUATION>
            {evaluation}
            </EVALUATION>

            <PARAMETER role="{role}">{parameter}</PARAMETER>

            Write your feedback on the parameter now, inside <FEEDBACK></FEEDBACK>.""";

    private BuiltInBackwardPrompt() {
    }

    static List<PromptTurn> messages() {
        return List.of(PromptTurn.system(ContentItem.template(SYSTEM)), PromptTurn.user(ContentItem.template(USER)));
    }
}
