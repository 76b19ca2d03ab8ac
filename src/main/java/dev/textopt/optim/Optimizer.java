package dev.textopt.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of textual optimizers, with the semantics of {@code torch.optim.Optimizer} and afnio's
 * {@code Optimizer}: param groups whose missing options are copied from {@code defaults} when the group
 * is added, a parameter in one group only, per-parameter state, and state dicts in which parameters are
 * replaced by their index.
 *
 * <p>Every refusal is an {@link InvalidOptimizerException} listing all problems, thrown before anything
 * changed. Not thread-safe: one caller works on an optimizer at a time (the session layer sees to it).
 */
public abstract class Optimizer {

    private final OptionsSchema schema;
    private final ModelClients clients;
    private final Map<String, Object> defaults;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Map<String, ParamState> state = new LinkedHashMap<>();
    private final Map<String, Usage> usage = new LinkedHashMap<>();

    /**
     * @param params either Parameters (one group) or {@link ParamGroupSpec}s, not a mix
     * @param defaults options for groups that leave them out; complete as far as the subclass has defaults
     */
    protected Optimizer(List<?> params, Map<String, Object> defaults, OptionsSchema schema, ModelClients clients) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.clients = Objects.requireNonNull(clients, "clients");
        List<Problem> problems = new ArrayList<>();
        this.defaults = checkedDefaults(defaults, true, problems);
        List<ParamGroupSpec> specs = GroupSpecs.from(params, problems);
        List<ParamGroup> checked = new GroupChecker(schema, this.defaults, groups).check(specs, true, problems);
        InvalidOptimizerException.throwIfAny(problems);
        checked.forEach(this::addChecked);
    }

    /**
     * Rebuilds a saved optimizer: the groups' options are taken as complete (no defaults filled in), state
     * and usage as they were. Everything is still checked.
     */
    protected Optimizer(Map<String, Object> defaults, List<ParamGroupSpec> completeGroups,
                        Map<String, ParamState> state, Map<String, Usage> usage,
                        OptionsSchema schema, ModelClients clients) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.clients = Objects.requireNonNull(clients, "clients");
        List<Problem> problems = new ArrayList<>();
        this.defaults = checkedDefaults(defaults, false, problems);
        List<ParamGroup> checked = new GroupChecker(schema, this.defaults, groups).check(completeGroups, false, problems);
        Map<String, Parameter> known = new HashMap<>();
        checked.forEach(g -> g.params().forEach(p -> known.put(p.id(), p)));
        state.keySet().stream().filter(id -> !known.containsKey(id))
                .forEach(id -> problems.add(new Problem("state." + id, "no parameter has this id")));
        InvalidOptimizerException.throwIfAny(problems);
        checked.forEach(this::addChecked);
        this.state.putAll(state);
        this.usage.putAll(usage);
    }

    /** {@code isNew}: defaults given now, checked by every rule ({@link OptionsSchema#checkGiven}), not saved ones. */
    private Map<String, Object> checkedDefaults(Map<String, Object> given, boolean isNew, List<Problem> problems) {
        Objects.requireNonNull(given, "defaults");
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : schema.keys()) {
            if (given.containsKey(key)) {
                ordered.put(key, given.get(key));
            }
        }
        for (String key : given.keySet()) {
            if (!schema.keys().contains(key)) {
                problems.add(new Problem("defaults." + key, "unknown option; known options: " + String.join(", ", schema.keys())));
            }
        }
        for (String key : schema.keys()) {
            if (!ordered.containsKey(key)) {
                problems.add(new Problem("defaults." + key, "required: give it in defaults or in every param group"));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(isNew ? schema.checkGiven(ordered, "defaults") : schema.check(ordered, "defaults"));
        }
        try {
            return JsonValues.readOnlyMap(ordered);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("defaults", e.getMessage()));
            return Map.of();
        }
    }

    public Map<String, Object> defaults() {
        return defaults;
    }

    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** Adds a group, its missing options copied from {@link #defaults()}; refused as a whole or added. */
    public void addParamGroup(ParamGroupSpec spec) {
        List<Problem> problems = new ArrayList<>();
        List<ParamGroup> checked = new GroupChecker(schema, defaults, groups).check(List.of(spec), true, problems);
        InvalidOptimizerException.throwIfAny(problems);
        addChecked(checked.get(0));
    }

    /**
     * Changes some options of group {@code index} and leaves the others, as torch code does with
     * {@code optimizer.param_groups[0]["lr"] = …}; here the new options are checked first, like a new
     * group's, and refused as a whole. Returns the options that changed, in the optimizer's key order.
     */
    public Map<String, OptionChange> editParamGroup(int index, Map<String, Object> changes) {
        if (index < 0 || index >= groups.size()) {
            throw new InvalidOptimizerException("param_groups[" + index + "]", "no such group; the optimizer has " + groups.size());
        }
        ParamGroup group = groups.get(index);
        Map<String, Object> options = GroupEdit.apply(schema, group.options(), changes, "param_groups[" + index + "]");
        Map<String, OptionChange> changed = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (!Objects.equals(value, group.options().get(key))) {
                changed.put(key, new OptionChange(group.options().get(key), value));
            }
        });
        groups.set(index, new ParamGroup(group.params(), options));
        addClientsOf(groups.get(index));
        return Collections.unmodifiableMap(changed);
    }

    private void addChecked(ParamGroup group) {
        groups.add(group);
        addClientsOf(group);
    }

    /** A group's model clients get their place in the usage, in the order they were first named. */
    private void addClientsOf(ParamGroup group) {
        for (String key : schema.modelClientKeys()) {
            usage.putIfAbsent((String) group.options().get(key), Usage.NONE);
        }
    }

    /** Empties every parameter's grad; a step never does. */
    public void clearGrad() {
        allParams().forEach(Parameter::clearGrad);
    }

    /** Per parameter id, only for parameters that have state. A read-only copy. */
    public Map<String, ParamState> state() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }

    /** Usage so far per model client name, in the order clients were first used. A read-only copy. */
    public Map<String, Usage> usage() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(usage));
    }

    public Optional<Parameter> parameter(String id) {
        return allParams().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Every parameter, group by group, in order: the order state dict indices follow. */
    public List<Parameter> allParams() {
        return groups.stream().flatMap(g -> g.params().stream()).toList();
    }

    public StateDict stateDict() {
        return StateDictWriter.write(groups, state, usage, schema, clients);
    }

    /**
     * Like torch's {@code load_state_dict}: parameters are matched by position, group options and
     * momentum buffers replaced; parameter values are left alone. The saved usage is added to the
     * optimizer's own, as afnio's {@code load_state_dict} adds it to the model client's usage: loading an
     * export into a new optimizer reproduces it, and loading never lowers what was used. {@code
     * modelClients} maps each client option key (e.g. "model_client") to the name of a configured client,
     * because a state dict never holds a client's configuration. Everything is checked before anything
     * changes. Returns the usage added, per client name.
     */
    public Map<String, Usage> loadStateDict(StateDict stateDict, Map<String, String> modelClients) {
        StateDictReader.Loaded loaded = new StateDictReader(schema, clients, groups, usage).read(stateDict, modelClients);
        for (int i = 0; i < groups.size(); i++) {
            groups.set(i, new ParamGroup(groups.get(i).params(), loaded.options().get(i)));
        }
        state.clear();
        state.putAll(loaded.state());
        loaded.usage().forEach(this::addUsage);
        return Collections.unmodifiableMap(new LinkedHashMap<>(loaded.usage()));
    }

    /** A parameter's momentum buffer, oldest first; empty when it has no state. */
    protected List<MomentumEntry> momentumBuffer(String paramId) {
        ParamState s = state.get(paramId);
        return s == null ? List.of() : s.momentumBuffer();
    }

    /** Appends a step to a parameter's momentum buffer, keeping the newest {@code momentum} entries. */
    protected void remember(String paramId, MomentumEntry entry, int momentum) {
        if (momentum <= 0) {
            state.remove(paramId);
            return;
        }
        state.put(paramId, state.getOrDefault(paramId, new ParamState(List.of())).remember(entry, momentum));
    }

    /** Keeps only the newest {@code entries} of a parameter's momentum buffer (none: it has no state). */
    protected void keepNewest(String paramId, int entries) {
        ParamState s = state.get(paramId);
        if (s != null && entries <= 0) {
            state.remove(paramId);
        } else if (s != null) {
            state.put(paramId, s.newest(entries));
        }
    }

    protected void addUsage(String clientName, Usage added) {
        usage.merge(clientName, added, Usage::plus);
    }
}
