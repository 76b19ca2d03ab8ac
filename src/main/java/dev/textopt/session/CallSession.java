package dev.textopt.session;

import dev.textopt.optim.Allowance;
import dev.textopt.optim.ParamOutcome;
import dev.textopt.optim.Usage;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What forward, evaluate and backward read of a session before their model calls, in one statement: its
 * budget and what it has spent, and each parameter with its group's options. Not the grads' texts, not the
 * momentum buffers and not the usage, which {@link StoredSession} carries and none of them needs.
 *
 * @param budget null when the session has none
 */
public record CallSession(UUID id, Budget budget, BigDecimal spent, List<Param> params) {

    public CallSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spent, "spent");
        params = List.copyOf(params);
    }

    /**
     * A parameter as the calls see it.
     *
     * @param version its value version: the number of the last history entry that gave it a new value (a step, a
     *                restore, a hand edit), else the entry it joined after; read with its value in one statement, so
     *                that the two agree; null when the session was read without versions
     * @param grads   how many gradients it holds now: backward's limit is checked against it before any call
     */
    public record Param(UUID id, String data, String role, boolean requiresGrad, Map<String, Object> groupOptions,
            Integer version, int grads) {

        public Param {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(groupOptions, "groupOptions");
        }
    }

    public Optional<Param> param(UUID paramId) {
        return params.stream().filter(p -> p.id().equals(paramId)).findFirst();
    }

    /** Each parameter's value version; only for a session read with them. */
    public Map<UUID, Integer> versions() {
        var versions = new LinkedHashMap<UUID, Integer>();
        for (Param p : params) {
            if (p.version() == null) {
                throw new IllegalStateException("the session was read without its parameters' versions");
            }
            versions.put(p.id(), p.version());
        }
        return versions;
    }

    /**
     * The session as it is once {@code usage} is counted on it, in memory: what the next operation of a run checks
     * its budget against when it takes the session from the one before instead of reading it again.
     */
    public CallSession spending(Map<String, Usage> usage) {
        return new CallSession(id, budget, spent.add(Usage.knownCost(usage)), params);
    }

    /**
     * The session once the step numbered {@code step} has applied {@code outcomes}, cleared the grads and counted
     * {@code usage}, in memory: what a run's next forward takes instead of reading it again while the step's write
     * goes on behind its calls. A parameter's version becomes the step's number where its value changed, as
     * the stored versions do.
     */
    public CallSession stepped(int step, List<ParamOutcome> outcomes, Map<String, Usage> usage) {
        var changed = new LinkedHashMap<UUID, String>();
        for (ParamOutcome outcome : outcomes) {
            if (outcome instanceof ParamOutcome.Updated updated && !updated.data().equals(updated.previousData())) {
                changed.put(UUID.fromString(updated.id()), updated.data());
            }
        }
        var after = params.stream().map(p -> changed.containsKey(p.id())
                ? new Param(p.id(), changed.get(p.id()), p.role(), p.requiresGrad(), p.groupOptions(), step, 0)
                : new Param(p.id(), p.data(), p.role(), p.requiresGrad(), p.groupOptions(), p.version(), 0)).toList();
        return new CallSession(id, budget, spent.add(Usage.knownCost(usage)), after);
    }

    /** What calls on the session may still spend: its budget less what it has spent, or no limit without a budget. */
    public Allowance allowance() {
        return budget == null ? Allowance.UNLIMITED : Allowance.of(budget.amount(), spent);
    }

    /** The options of the group holding a parameter, by the parameter's id: where a model role's defaults come from. */
    public Function<String, Optional<Map<String, Object>>> groupOptions() {
        return id -> params.stream().filter(p -> p.id().toString().equals(id)).findFirst().map(Param::groupOptions);
    }
}
