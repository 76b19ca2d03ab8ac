package dev.textopt.adapter.web;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.Problem;
import dev.textopt.session.BadRequestException;
import dev.textopt.session.ExistingParam;
import dev.textopt.session.GroupMember;
import dev.textopt.session.NewGroup;
import dev.textopt.session.NewParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns request records into the session layer's commands. Jackson has already refused wrong types and
 * unknown fields; what is left is what a record cannot say (a text that is required), and every such
 * problem is collected with its path as the client wrote it.
 */
final class RequestReader {

    private final List<Problem> problems = new ArrayList<>();

    /** A new session's {@code params}: Variables (one group without options of its own), or groups. */
    List<NewGroup> groups(ParamsJson params) {
        if (params instanceof ParamsJson.Variables variables) {
            return List.of(new NewGroup(variables(variables.variables(), "params"), Map.of()));
        }
        var read = new ArrayList<NewGroup>();
        if (params instanceof ParamsJson.Groups groups) {
            for (int i = 0; i < groups.groups().size(); i++) {
                read.add(group(groups.groups().get(i), "params[" + i + "]"));
            }
        }
        return read;
    }

    NewGroup group(ParamGroupRequest group, String field) {
        Map<String, Object> options = group.options() == null ? Map.of() : group.options().tree();
        if (group.params() == null || group.params().isEmpty()) {
            problems.add(new Problem(field + ".params", "must be a non-empty list of parameters"));
            return new NewGroup(List.of(), options);
        }
        return new NewGroup(variables(group.params(), field + ".params"), options);
    }

    /** A group to add: new parameters, or ones the session has, by id (which the session refuses, naming them). */
    NewGroup group(AddParamGroupRequest group) {
        Map<String, Object> options = group.options() == null ? Map.of() : group.options().tree();
        if (group.params() == null || group.params().isEmpty()) {
            problems.add(new Problem("body.params", "must be a non-empty list of parameters"));
            return new NewGroup(List.of(), options);
        }
        var members = new ArrayList<GroupMember>();
        for (int i = 0; i < group.params().size(); i++) {
            String at = "body.params[" + i + "]";
            ParamItemJson item = group.params().get(i);
            if (item instanceof ParamItemJson.Existing existing && existing.ref().id() == null) {
                problems.add(new Problem(at + ".id", "is required (the id of a parameter of the session)"));
            } else if (item instanceof ParamItemJson.Existing existing) {
                members.add(new ExistingParam(existing.ref().id()));
            } else if (item instanceof ParamItemJson.New created) {
                Optional.ofNullable(newParam(created.variable(), at)).ifPresent(members::add);
            } else {
                problems.add(new Problem(at, "must be a Variable {\"data\": …} or {\"id\": \"<parameter id>\"}"));
            }
        }
        return new NewGroup(members, options);
    }

    private List<NewParam> variables(List<VariableJson> variables, String field) {
        var params = new ArrayList<NewParam>();
        for (int i = 0; i < variables.size(); i++) {
            NewParam param = newParam(variables.get(i), field + "[" + i + "]");
            if (param != null) {
                params.add(param);
            }
        }
        return params;
    }

    /** The parameter a Variable asks for, or null (and a problem) when it has no data. */
    private NewParam newParam(VariableJson v, String at) {
        if (!required(v == null ? null : v.data(), at)) {
            return null;
        }
        return new NewParam(v.data(), v.role() == null ? "" : v.role(), v.requiresGrad() == null || v.requiresGrad());
    }

    List<Gradient> gradients(GradRequest request) {
        var grads = new ArrayList<Gradient>();
        for (int i = 0; i < request.grads().size(); i++) {
            GradientJson g = request.grads().get(i);
            if (required(g == null ? null : g.data(), request.single() ? "body" : "body[" + i + "]")) {
                grads.add(new Gradient(g.data(), g.role(), g.context()));
            }
        }
        return grads;
    }

    private boolean required(String data, String at) {
        if (data == null) {
            problems.add(new Problem(at + ".data", "is required (a string)"));
        }
        return data != null;
    }

    /** Throws one 400 naming every problem found, if any. */
    void check() {
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems.size() == 1 ? problems.get(0).field() + " " + problems.get(0).message()
                    : problems.size() + " problems in the request; see errors", problems);
        }
    }
}
