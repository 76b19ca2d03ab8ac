package dev.textopt.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default TGD conversation: our own text, a system turn that explains the task and the tags, and a
 * user turn with the variable, its feedback and the output contract. See {@link Tgd} for what each
 * placeholder expands to.
 */
final class BuiltInPrompts {

    static final String SYSTEM = """
            You are an optimizer of text. You improve one variable: a piece of text that is part of a larger \
            system built on language models, such as a prompt, an instruction, a template or an answer.

            You receive the variable's role, its current value and feedback on it. The feedback is criticism \
            collected while the variable was in use, sometimes preceded by the context that produced it. Rewrite \
            the variable so that it addresses every piece of feedback, and keep whatever the feedback does not \
            criticize. Stay faithful to the role: the improved text must still serve that purpose and fit where \
            it is used. Make real changes when the feedback asks for them; do not merely rephrase.

            The request uses these tags:
            - <VARIABLE> holds the current value, in full.
            - <CONTEXT> holds what produced the feedback right after it.
            - <FEEDBACK> holds one piece of feedback.
            - <PAST_ITERATIONS>, when present, shows earlier values of the variable and the feedback each one \
            received, oldest first. Learn from them: do not return to what was criticized before, and make \
            progress on issues that keep coming back.
            - <CONSTRAINTS>, when present, lists rules the improved value must obey without exception.

            Answer with the complete improved value between <IMPROVED_VARIABLE> and </IMPROVED_VARIABLE>. Put \
            nothing else inside the tags: no explanation, no quotes, no markdown fences. You may reason before \
            the tags; only the text inside them is used.""";

    static final String USER = """
            Improve the variable whose role is: {role}

            <VARIABLE>{variable}</VARIABLE>

            Feedback on the current value:
            {feedback}

            {past_iterations}{constraints}Write the complete improved variable now, inside \
            <IMPROVED_VARIABLE></IMPROVED_VARIABLE>.""";

    private BuiltInPrompts() {
    }

    /** The built-in messages in afnio's shape: turns whose content is one Variable. A fresh, read-only tree. */
    static List<Map<String, Object>> messages() {
        return List.of(turn("system", SYSTEM, "system prompt of the TGD optimizer"),
                turn("user", USER, "user prompt of the TGD optimizer"));
    }

    private static Map<String, Object> turn(String role, String text, String variableRole) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("data", text);
        variable.put("role", variableRole);
        variable.put("requires_grad", false);
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("role", role);
        turn.put("content", List.of(variable));
        return JsonValues.readOnlyMap(turn);
    }
}
