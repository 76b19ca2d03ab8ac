package dev.textopt.adapter.web;

import dev.textopt.optim.Gradient;
import dev.textopt.session.BadRequestException;
import dev.textopt.session.BadRequestException.FieldProblem;
import dev.textopt.session.NewGroup;
import dev.textopt.session.NewParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the open-shaped parts of requests (a list of Variables or of groups; one gradient or a list)
 * strictly: every problem is collected with its field path, and unknown fields are refused.
 */
final class RequestReader {

    private static final Set<String> VARIABLE_FIELDS = Set.of("data", "role", "requires_grad");
    private static final Set<String> GRADIENT_FIELDS = Set.of("data", "role", "context", "requires_grad");

    private final List<FieldProblem> problems = new ArrayList<>();

    /** {@code params}: Variables (one group) or groups {@code {"params": [...], option: value, ...}}. */
    List<NewGroup> groups(Object params, String field) {
        if (!(params instanceof List<?> list) || list.isEmpty()) {
            problems.add(new FieldProblem(field, "must be a non-empty list of parameters or of param groups"));
            return List.of();
        }
        boolean grouped = list.get(0) instanceof Map<?, ?> first && first.containsKey("params");
        if (!grouped) {
            return List.of(new NewGroup(variables(list, field), Map.of()));
        }
        var groups = new ArrayList<NewGroup>();
        for (int i = 0; i < list.size(); i++) {
            groups.add(group(list.get(i), field + "[" + i + "]"));
        }
        return groups;
    }

    NewGroup group(Object value, String field) {
        if (!(value instanceof Map<?, ?> map) || !map.containsKey("params")) {
            problems.add(new FieldProblem(field, "must be a param group: {\"params\": [...], options...}"));
            return new NewGroup(List.of(), Map.of());
        }
        var options = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> {
            if (!"params".equals(k)) {
                options.put(String.valueOf(k), v);
            }
        });
        Object params = map.get("params");
        if (!(params instanceof List<?> list) || list.isEmpty()) {
            problems.add(new FieldProblem(field + ".params", "must be a non-empty list of parameters"));
            return new NewGroup(List.of(), options);
        }
        return new NewGroup(variables(list, field + ".params"), options);
    }

    private List<NewParam> variables(List<?> list, String field) {
        var params = new ArrayList<NewParam>();
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            Map<?, ?> map = object(list.get(i), at, VARIABLE_FIELDS);
            if (map == null) {
                continue;
            }
            String data = text(map, "data", at, true);
            String role = text(map, "role", at, false);
            Object requiresGrad = map.containsKey("requires_grad") ? map.get("requires_grad") : Boolean.TRUE;
            if (!(requiresGrad instanceof Boolean)) {
                problems.add(new FieldProblem(at + ".requires_grad", "must be true or false"));
            }
            if (data != null) {
                params.add(new NewParam(data, role == null ? "" : role, Boolean.TRUE.equals(requiresGrad)));
            }
        }
        return params;
    }

    /** One gradient Variable or a list of them. */
    List<Gradient> gradients(Object body) {
        List<?> list = body instanceof List<?> l ? l : List.of(body == null ? Map.of() : body);
        String prefix = body instanceof List<?> ? "body" : "";
        var grads = new ArrayList<Gradient>();
        for (int i = 0; i < list.size(); i++) {
            String at = prefix.isEmpty() ? "body" : prefix + "[" + i + "]";
            grads.add(gradient(list.get(i), at));
        }
        return grads;
    }

    Gradient gradient(Object value, String at) {
        Map<?, ?> map = object(value, at, GRADIENT_FIELDS);
        if (map == null) {
            return null;
        }
        String data = text(map, "data", at, true);
        String role = text(map, "role", at, false);
        String context = text(map, "context", at, false);
        return data == null ? null : new Gradient(data, role == null ? "" : role, context);
    }

    private Map<?, ?> object(Object value, String at, Set<String> known) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new FieldProblem(at, "must be an object like {\"data\": \"...\", \"role\": \"...\"}"));
            return null;
        }
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(new FieldProblem(at + "." + key, "unknown field; known: " + known.stream().sorted().toList()));
            }
        }
        return map;
    }

    private String text(Map<?, ?> map, String key, String at, boolean required) {
        Object value = map.get(key);
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(at + "." + key, "is required (a string)"));
            }
            return null;
        }
        if (!(value instanceof String s)) {
            problems.add(new FieldProblem(at + "." + key, "must be a string"));
            return null;
        }
        return s;
    }

    /** Throws one 400 naming every problem found, if any. */
    void check() {
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems.size() == 1 ? problems.get(0).field() + " " + problems.get(0).message()
                    : problems.size() + " problems in the request; see errors", problems);
        }
    }
}
