package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The judge's prompt, checked when the request is made: the built-in one, or the request's own
 * {@code evaluator.messages}. Placeholders (values inserted as they are, never scanned again):
 * <ul>
 * <li>{@code {output}}: the output being judged; a custom prompt must use it.</li>
 * <li>{@code {target}}: its expected output; only when the request gives targets.</li>
 * <li>{@code {criteria}}: the request's {@code criteria}.</li>
 * <li>{@code {input}}: the user turns of the forward conversation, joined with "\n".</li>
 * </ul>
 * The built-in prompt wraps them as {@code <OUTPUT>…</OUTPUT>}, {@code <TARGET>…</TARGET>} (only with
 * targets), {@code <CRITERIA>…</CRITERIA>}, {@code <INPUT>…</INPUT>}. The judge must answer
 * {@code <SCORE>number from 0 to 1</SCORE>} and {@code <EXPLANATION>…</EXPLANATION>}; a custom prompt
 * should say so. Any other reply is re-asked once, then the item fails.
 */
public final class JudgePrompt {

    /** The placeholders a custom judge prompt may use. */
    public static final List<String> PLACEHOLDERS = List.of("output", "target", "criteria", "input");

    private static final String MESSAGES = "evaluator.messages";
    private static final String CRITERIA = "evaluator.criteria";

    private final ParsedTurns turns;
    private final String criteria;
    private final boolean withTargets;

    private JudgePrompt(ParsedTurns turns, String criteria, boolean withTargets) {
        this.turns = turns;
        this.criteria = criteria == null ? "" : criteria;
        this.withTargets = withTargets;
    }

    /**
     * The prompt a request asks for, checked.
     *
     * @param messages    the request's custom {@code messages}, or null for the built-in prompt
     * @param criteria    what a good output is; required unless custom messages leave out {@code {criteria}}
     * @param withTargets whether the request gives targets (decides the built-in variant and {@code {target}})
     * @throws InvalidTrainingRequestException naming each field to change
     */
    public static JudgePrompt of(List<PromptTurn> messages, String criteria, boolean withTargets) {
        List<Problem> problems = new ArrayList<>();
        boolean custom = messages != null;
        ParsedTurns turns = ParsedTurns.parse(custom ? messages : BuiltInJudgePrompt.messages(withTargets), MESSAGES, problems);
        if (custom) {
            turns.checkPlaceholders(MESSAGES, "a judge prompt", PLACEHOLDERS,
                    Map.of("output", "a judge that never sees the output cannot score it"), problems);
            turns.placeholders().stream().filter(u -> u.name().equals("target") && !withTargets).forEach(u -> problems.add(
                    new Problem(u.field(), "uses {target}, but the request has no targets; give evaluator.targets or leave {target} out")));
        }
        boolean needsCriteria = !custom || turns.placeholders().stream().anyMatch(u -> u.name().equals("criteria"));
        if (needsCriteria && (criteria == null || criteria.isBlank())) {
            problems.add(new Problem(CRITERIA, "required: what a good output is, e.g. \"The answer is the input in capital letters.\""));
        }
        InvalidTrainingRequestException.throwIfAny(problems);
        return new JudgePrompt(turns, criteria, withTargets);
    }

    /** The built-in prompt's turns as templates, with or without the {@code <TARGET>} block: to show users. */
    public static List<PromptTurn> builtInMessages(boolean withTargets) {
        return BuiltInJudgePrompt.messages(withTargets);
    }

    public boolean withTargets() {
        return withTargets;
    }

    /** The judge's conversation for one trace; {@code target} is null exactly when the prompt has no targets. */
    List<ChatMessage> render(Trace trace, String target) {
        if ((target != null) != withTargets) {
            throw new IllegalArgumentException(withTargets ? "this judge prompt needs a target for every trace"
                    : "this judge prompt was checked without targets; make it with withTargets = true");
        }
        Map<String, String> values = new HashMap<>();
        values.put("output", trace.output());
        values.put("target", target == null ? "" : target);
        values.put("criteria", criteria);
        values.put("input", trace.userInput());
        return turns.render(values, Map.of());
    }
}
