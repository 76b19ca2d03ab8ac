package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A checked forward request: the {@code messages} and the batch of {@code inputs}, one model call per
 * input item. Rendering an item fills each template's {@code {key}} from that item, inserts each
 * {@code {"param": id}} as the parameter's data and joins a turn's items with "\n": the model sees
 * exactly these turns, nothing added.
 */
public final class ForwardRequest {

    private final ParsedTurns turns;
    private final List<Map<String, String>> inputs;
    private final List<String> paramIds;

    private ForwardRequest(ParsedTurns turns, List<Map<String, String>> inputs) {
        this.turns = turns;
        this.inputs = inputs;
        Set<String> ids = new LinkedHashSet<>();
        turns.params().forEach(use -> ids.add(use.paramId()));
        this.paramIds = List.copyOf(ids);
    }

    /**
     * Checks the whole request and lists every problem at once: a template that does not parse, an unknown
     * parameter, a placeholder that an input item lacks (naming the item and the key), no input items or
     * more than {@code maxBatchSize}.
     *
     * @param knownParamIds the ids of the session's parameters
     * @throws InvalidTrainingRequestException naming each field to change
     */
    public static ForwardRequest of(List<PromptTurn> messages, List<Map<String, String>> inputs,
                                    Set<String> knownParamIds, int maxBatchSize) {
        List<Problem> problems = new ArrayList<>();
        ParsedTurns turns = ParsedTurns.parse(messages, "messages", problems);
        for (ParsedTurns.ParamUse use : turns.params()) {
            if (!knownParamIds.contains(use.paramId())) {
                problems.add(new Problem(use.field(), "no parameter of this session has id \"" + use.paramId() + "\""));
            }
        }
        if (inputs.isEmpty()) {
            problems.add(new Problem("inputs", "give at least one input item, e.g. [{\"text\": \"hello world\"}]"));
        } else if (inputs.size() > maxBatchSize) {
            problems.add(new Problem("inputs", inputs.size() + " input items; at most " + maxBatchSize
                    + " per request (textopt.limits.max-batch-size): split the batch"));
        }
        checkPlaceholders(turns, inputs, problems);
        InvalidTrainingRequestException.throwIfAny(problems);
        return new ForwardRequest(turns, inputs.stream().map(ForwardRequest::copy).toList());
    }

    /** Each placeholder (where first used) against each input item; one problem when no item has it. */
    private static void checkPlaceholders(ParsedTurns turns, List<Map<String, String>> inputs, List<Problem> problems) {
        Map<String, String> firstUse = new LinkedHashMap<>();
        turns.placeholders().forEach(use -> firstUse.putIfAbsent(use.name(), use.field()));
        firstUse.forEach((key, field) -> {
            List<Integer> missing = IntStream.range(0, inputs.size()).filter(i -> inputs.get(i).get(key) == null).boxed().toList();
            if (!inputs.isEmpty() && missing.size() == inputs.size()) {
                problems.add(new Problem(field, "uses {" + key + "}, which no input item has; add \"" + key
                        + "\" to every item of inputs, or write {{ and }} for literal braces"));
            } else {
                missing.forEach(i -> problems.add(new Problem("inputs[" + i + "]." + key,
                        "missing: " + field + " uses {" + key + "}; every input item needs it")));
            }
        });
    }

    private static Map<String, String> copy(Map<String, String> item) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(item));
    }

    /** The parameters the messages insert, each once, in message order: the first decides the default model. */
    public List<String> paramIds() {
        return paramIds;
    }

    public List<Map<String, String>> inputs() {
        return inputs;
    }

    public int size() {
        return inputs.size();
    }

    /**
     * The turns the model is sent for input item {@code index}.
     *
     * @param paramData each of {@link #paramIds()} to the data to insert (the parameter's current value)
     */
    public List<ChatMessage> render(int index, Map<String, String> paramData) {
        return turns.render(inputs.get(index), paramData);
    }
}
