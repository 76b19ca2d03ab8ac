package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Problem;
import dev.textopt.optim.PromptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prompt turns with their templates parsed, remembering where each placeholder and parameter is used so
 * that a problem names the exact item ({@code messages[1].content[0]}). Which placeholders are allowed is
 * the caller's business: forward checks them against the input items, judge and backward against their
 * fixed lists ({@link #checkPlaceholders}).
 */
final class ParsedTurns {

    /** A placeholder used by the template at {@code field}. */
    record PlaceholderUse(String field, String name) {
    }

    /** A parameter referred to at {@code field}. */
    record ParamUse(String field, String paramId) {
    }

    private sealed interface Part permits Text, Filled, Param {
    }

    private record Text(String text) implements Part {
    }

    private record Filled(PromptTemplate template) implements Part {
    }

    private record Param(String id) implements Part {
    }

    private record Turn(ChatMessage.Role role, List<Part> parts) {
    }

    private final List<Turn> turns = new ArrayList<>();
    private final List<PlaceholderUse> placeholders = new ArrayList<>();
    private final List<ParamUse> params = new ArrayList<>();

    private ParsedTurns() {
    }

    /** Parses every turn, adding a problem for each empty list and each template that does not parse. */
    static ParsedTurns parse(List<PromptTurn> messages, String field, List<Problem> problems) {
        ParsedTurns parsed = new ParsedTurns();
        if (messages.isEmpty()) {
            problems.add(new Problem(field, "give at least one turn {\"role\": …, \"content\": [...]}"));
        }
        for (int i = 0; i < messages.size(); i++) {
            PromptTurn turn = messages.get(i);
            String turnField = field + "[" + i + "].content";
            if (turn.content().isEmpty()) {
                problems.add(new Problem(turnField, "give at least one item: a text, a variable {\"data\", \"role\"} or {\"param\": id}"));
            }
            List<Part> parts = new ArrayList<>();
            for (int j = 0; j < turn.content().size(); j++) {
                parts.add(parsed.part(turn.content().get(j), turnField + "[" + j + "]", problems));
            }
            parsed.turns.add(new Turn(turn.role(), parts));
        }
        return parsed;
    }

    private Part part(ContentItem item, String field, List<Problem> problems) {
        if (item instanceof ContentItem.Literal literal) {
            return new Text(literal.data());
        }
        if (item instanceof ContentItem.ParamRef ref) {
            params.add(new ParamUse(field + ".param", ref.paramId()));
            return new Param(ref.paramId());
        }
        String text = ((ContentItem.Template) item).text();
        try {
            PromptTemplate template = PromptTemplate.parse(text);
            template.placeholders().forEach(name -> placeholders.add(new PlaceholderUse(field, name)));
            return new Filled(template);
        } catch (PromptTemplate.SyntaxException e) {
            problems.add(new Problem(field, e.getMessage()));
            return new Text(text);
        }
    }

    List<PlaceholderUse> placeholders() {
        return List.copyOf(placeholders);
    }

    List<ParamUse> params() {
        return List.copyOf(params);
    }

    /**
     * For a custom judge or backward prompt: every placeholder must be one of {@code allowed}, every one of
     * {@code required} (name to why) must be used somewhere, and no item may refer to a parameter.
     */
    void checkPlaceholders(String field, String what, List<String> allowed, Map<String, String> required, List<Problem> problems) {
        String known = allowed.stream().map(n -> "{" + n + "}").collect(Collectors.joining(", "));
        for (PlaceholderUse use : placeholders) {
            if (!allowed.contains(use.name())) {
                problems.add(new Problem(use.field(), "unknown placeholder {" + use.name() + "}; " + what + " may use "
                        + known + ", or write {{ and }} for literal braces"));
            }
        }
        for (ParamUse use : params) {
            problems.add(new Problem(use.field(), "only forward messages may insert a parameter; " + what + " may use " + known));
        }
        for (String name : allowed) { // in the order of allowed, so the problems' order is stable
            if (required.containsKey(name) && placeholders.stream().noneMatch(u -> u.name().equals(name))) {
                problems.add(new Problem(field, "must use {" + name + "}: " + required.get(name)));
            }
        }
    }

    /**
     * The turns as the model sees them: each turn's items joined with "\n", placeholders filled from
     * {@code values}, parameters from {@code paramData}; nothing inserted is scanned again.
     */
    List<ChatMessage> render(Map<String, String> values, Map<String, String> paramData) {
        List<ChatMessage> rendered = new ArrayList<>();
        for (Turn turn : turns) {
            List<String> texts = new ArrayList<>();
            for (Part part : turn.parts()) {
                texts.add(render(part, values, paramData));
            }
            rendered.add(new ChatMessage(turn.role(), String.join("\n", texts)));
        }
        return rendered;
    }

    private static String render(Part part, Map<String, String> values, Map<String, String> paramData) {
        if (part instanceof Text text) {
            return text.text();
        }
        if (part instanceof Filled filled) {
            return filled.template().render(values);
        }
        String id = ((Param) part).id();
        String data = paramData.get(id);
        if (data == null) {
            throw new IllegalArgumentException("no data given for parameter \"" + id + "\"");
        }
        return data;
    }
}
