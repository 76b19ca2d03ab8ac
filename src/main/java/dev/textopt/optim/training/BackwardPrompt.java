package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The backward prompt, checked when the request is made: the built-in one, or the request's own
 * {@code messages}. Placeholders (values inserted as they are, never scanned again):
 * <ul>
 * <li>{@code {conversation}}: the forward turns, each on its own lines prefixed by its role ("system: …").</li>
 * <li>{@code {output}}: the forward output; a custom prompt must use it.</li>
 * <li>{@code {evaluation}}: "score: 0\nexplanation: …".</li>
 * <li>{@code {parameter}}: the parameter's value when the forward pass ran; a custom prompt must use it.</li>
 * <li>{@code {role}}: the parameter's role.</li>
 * </ul>
 * The built-in prompt wraps them as {@code <CONVERSATION>…</CONVERSATION>}, {@code <OUTPUT>…</OUTPUT>},
 * {@code <EVALUATION>…</EVALUATION>} and {@code <PARAMETER role="…">…</PARAMETER>}. The model must answer
 * {@code <FEEDBACK>…</FEEDBACK>}; a custom prompt should say so. Any other reply is re-asked once, then the
 * call fails.
 */
public final class BackwardPrompt {

    /** The placeholders a custom backward prompt may use. */
    public static final List<String> PLACEHOLDERS = List.of("conversation", "output", "evaluation", "parameter", "role");

    private static final String MESSAGES = "messages";

    private final ParsedTurns turns;

    private BackwardPrompt(ParsedTurns turns) {
        this.turns = turns;
    }

    /**
     * The prompt a request asks for, checked.
     *
     * @param messages the request's custom {@code messages}, or null for the built-in prompt
     * @throws InvalidTrainingRequestException naming each field to change
     */
    public static BackwardPrompt of(List<PromptTurn> messages) {
        List<Problem> problems = new ArrayList<>();
        ParsedTurns turns = ParsedTurns.parse(messages == null ? BuiltInBackwardPrompt.messages() : messages, MESSAGES, problems);
        turns.checkPlaceholders(MESSAGES, "a backward prompt", PLACEHOLDERS, Map.of(
                "output", "the model must see the output to say how to improve it",
                "parameter", "the model must see the parameter it gives feedback on"), problems);
        InvalidTrainingRequestException.throwIfAny(problems);
        return new BackwardPrompt(turns);
    }

    /** The built-in prompt's turns as templates: to show users. */
    public static List<PromptTurn> builtInMessages() {
        return BuiltInBackwardPrompt.messages();
    }

    /** The conversation asking for feedback on {@code param} as {@code trace} used it. */
    List<ChatMessage> render(Trace trace, Evaluation evaluation, TraceParam param) {
        Map<String, String> values = new HashMap<>();
        values.put("conversation", trace.conversation());
        values.put("output", trace.output());
        values.put("evaluation", evaluation.asText());
        values.put("parameter", param.data());
        values.put("role", param.role());
        return turns.render(values, Map.of());
    }
}
