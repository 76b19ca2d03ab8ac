package dev.textopt.adapter.web;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Problem;
import dev.textopt.optim.training.ContentItem;
import dev.textopt.optim.training.PromptTurn;
import dev.textopt.session.BackwardCommand;
import dev.textopt.session.BadRequestException;
import dev.textopt.session.EvaluateCommand;
import dev.textopt.session.ForwardCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns forward, evaluate and backward request records into the session layer's commands. Jackson has
 * refused wrong types and unknown fields; what is left is what a record cannot say (a required field, a
 * content item of one of three shapes, the fields an evaluator type takes), each problem named by its path.
 */
final class TrainingRequests {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    private final List<Problem> problems = new ArrayList<>();

    static ForwardCommand forward(ForwardRequestJson body) {
        var reader = new TrainingRequests();
        var messages = reader.forwardMessages(body.messages(), "messages");
        var inputs = reader.required(body.inputs(), "inputs");
        for (int i = 0; i < inputs.size(); i++) {
            reader.inputs(inputs.get(i), "inputs[" + i + "]");
        }
        reader.check();
        return new ForwardCommand(messages, inputs, body.modelClient(), body.completionArgs());
    }

    /** Forward messages (required): templates, Variables and {"param": id} items. */
    List<PromptTurn> forwardMessages(List<ForwardRequestJson.PromptMessageJson> given, String field) {
        var messages = new ArrayList<PromptTurn>();
        var turns = required(given, field);
        for (int i = 0; i < turns.size(); i++) {
            var turn = turns.get(i);
            turn(turn == null ? null : turn.role(), turn == null ? null : turn.content(), field + "[" + i + "]", messages);
        }
        return messages;
    }

    /** One input item: texts by placeholder name. */
    void inputs(Map<String, String> item, String field) {
        if (item == null) {
            problem(field, "must be an object of texts, e.g. {\"text\": \"hello world\"}");
            return;
        }
        for (var entry : item.entrySet()) {
            if (entry.getValue() == null) {
                problem(field + "." + entry.getKey(), "must be a text");
            }
        }
    }

    static EvaluateCommand evaluate(EvaluateRequestJson body) {
        var reader = new TrainingRequests();
        var traces = reader.ids(body.traces());
        var evaluator = reader.evaluator(body.evaluator());
        reader.check();
        return new EvaluateCommand(traces, evaluator);
    }

    static BackwardCommand backward(BackwardRequestJson body) {
        var reader = new TrainingRequests();
        var traces = new ArrayList<BackwardCommand.TraceScore>();
        var given = reader.required(body.traces(), "traces");
        for (int i = 0; i < given.size(); i++) {
            var trace = given.get(i);
            if (trace == null || trace.traceId() == null) {
                reader.problem("traces[" + i + "].trace_id", "is required: the id of a trace forward answered");
            } else {
                traces.add(new BackwardCommand.TraceScore(trace.traceId(), trace.score(), trace.explanation()));
            }
        }
        var messages = reader.messages(body.messages(), "messages");
        reader.check();
        return new BackwardCommand(traces, body.modelClient(), body.completionArgs(), messages);
    }

    private List<String> ids(List<String> ids) {
        var given = required(ids, "traces");
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                problem("traces[" + i + "]", "is required: the id of a trace forward answered");
            }
        }
        return given.stream().filter(id -> id != null).toList();
    }

    EvaluateCommand.Evaluator evaluator(EvaluateRequestJson.EvaluatorJson e) {
        if (e == null || e.type() == null) {
            problem(e == null ? "evaluator" : "evaluator.type", "is required: exact_match, llm_judge or http");
            return null;
        }
        switch (e.type()) {
            case "exact_match" -> {
                only(e, "exact_match", Set.of("targets", "case_sensitive", "trim"));
                return new EvaluateCommand.ExactMatch(e.targets(), e.caseSensitive() == null || e.caseSensitive(), e.trim() == null || e.trim());
            }
            case "llm_judge" -> {
                only(e, "llm_judge", Set.of("targets", "criteria", "model_client", "completion_args", "messages"));
                return new EvaluateCommand.LlmJudge(e.criteria(), e.targets(), e.modelClient(), e.completionArgs(),
                        messages(e.messages(), "evaluator.messages"));
            }
            case "http" -> {
                only(e, "http", Set.of("targets", "url"));
                if (e.url() == null) {
                    problem("evaluator.url", "is required: the URL of your evaluator, on a host allowed for closures");
                }
                return new EvaluateCommand.Http(e.url(), e.targets());
            }
            default -> {
                problem("evaluator.type", "unknown evaluator type \"" + e.type() + "\"; one of exact_match, llm_judge, http");
                return null;
            }
        }
    }

    /** A field of another type's is a mistake worth naming, not something to ignore. */
    private void only(EvaluateRequestJson.EvaluatorJson e, String type, Set<String> allowed) {
        var given = JsonTrees.tree(e).keySet();
        for (String field : new TreeSet<>(given)) {
            if (!field.equals("type") && !allowed.contains(field)) {
                problem("evaluator." + field, "not a field of " + type + " evaluators; they take " + new TreeSet<>(allowed));
            }
        }
    }

    /** Custom judge or backward messages, or null for the built-in prompt. */
    List<PromptTurn> messages(List<GroupOptionsJson.MessageJson> given, String field) {
        if (given == null) {
            return null;
        }
        var turns = new ArrayList<PromptTurn>();
        for (int i = 0; i < given.size(); i++) {
            var turn = given.get(i);
            turn(turn == null ? null : turn.role(), turn == null ? null : turn.content(), field + "[" + i + "]", turns);
        }
        return turns;
    }

    private void turn(String role, List<Object> content, String field, List<PromptTurn> turns) {
        if (role == null || !ROLES.contains(role)) {
            problem(field + ".role", "must be system, user or assistant");
        }
        if (content == null) {
            problem(field + ".content", "is required: a list of texts, Variables {\"data\", \"role\"} or {\"param\": id}");
            return;
        }
        var items = new ArrayList<ContentItem>();
        for (int j = 0; j < content.size(); j++) {
            ContentItem item = item(content.get(j), field + ".content[" + j + "]");
            if (item != null) {
                items.add(item);
            }
        }
        if (role != null && ROLES.contains(role)) {
            turns.add(new PromptTurn(ChatMessage.Role.valueOf(role.toUpperCase(Locale.ROOT)), items));
        }
    }

    private ContentItem item(Object item, String field) {
        if (item instanceof String text) {
            return new ContentItem.Template(text);
        }
        if (item instanceof Map<?, ?> map && map.containsKey("param")) {
            if (map.size() == 1 && map.get("param") instanceof String id) {
                return new ContentItem.ParamRef(id);
            }
            problem(field, "a parameter item is {\"param\": \"<param_id>\"} and nothing else");
            return null;
        }
        if (item instanceof Map<?, ?> map && map.get("data") instanceof String data
                && (map.get("role") == null || map.get("role") instanceof String)
                && Set.of("data", "role", "requires_grad").containsAll(map.keySet())) {
            return new ContentItem.Literal(data, (String) map.get("role"));
        }
        problem(field, "must be a text (a template), a Variable {\"data\": text, \"role\": text} or {\"param\": \"<param_id>\"}");
        return null;
    }

    <T> List<T> required(List<T> list, String field) {
        if (list == null) {
            problem(field, "is required");
            return List.of();
        }
        return list;
    }

    void problem(String field, String message) {
        problems.add(new Problem(field, message));
    }

    void check() {
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems.size() == 1 ? problems.get(0).field() + " " + problems.get(0).message()
                    : problems.size() + " problems in the request; see errors", problems);
        }
    }
}
