package dev.textopt.session;

import dev.textopt.optim.InvalidOptimizerException;
import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.ParamGroup;
import dev.textopt.optim.ParamGroupSpec;
import dev.textopt.optim.Parameter;
import dev.textopt.optim.Problem;
import dev.textopt.optim.StateDict;
import dev.textopt.optim.Tgd;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a session by hand: add a param group, change a group's options, edit a parameter, clear the
 * grads or the usage, load a state dict. Each locks the session first ({@link LockSessionPort}), so that
 * no step starts before it commits, and those that replace state are refused while a step runs. Those
 * that take an {@link ExpectedVersion} check it on the locked row: nothing can change the session
 * between the check and the write. {@link OptimizerSessions} is their public face.
 */
@Service
class SessionEdits {

    private final LockSessionPort locks;
    private final UpdateSessionStatePort changes;
    private final RecordHistoryPort history;
    private final TgdFactory factory;
    private final Clock clock;
    private final Limits limits;
    private final RunGuard runs;

    SessionEdits(LockSessionPort locks, UpdateSessionStatePort changes, RecordHistoryPort history, TgdFactory factory, Clock clock,
            Limits limits, RunGuard runs) {
        this.locks = locks;
        this.changes = changes;
        this.history = history;
        this.factory = factory;
        this.clock = clock;
        this.limits = limits;
        this.runs = runs;
    }

    @Transactional
    public Versioned<StoredGroup> addParamGroup(UUID id, NewGroup group) {
        StoredSession session = unlessStepping(id, "adding a param group");
        limits.params(session.params().size() + group.params().size(), "params");
        limits.newParams(List.of(group), "params");
        Tgd tgd = factory.restore(session);
        var problems = new ArrayList<Problem>();
        var params = TgdFactory.members(group, tgd, "param_groups[" + session.groups().size() + "]", problems);
        try {
            tgd.addParamGroup(new ParamGroupSpec(params, group.options()));
        } catch (InvalidOptimizerException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidOptimizerException(problems);
        }
        StoredGroup added = stored(tgd.paramGroups()).get(tgd.paramGroups().size() - 1);
        changes.addGroup(id, added, session.historyCount());
        return new Versioned<>(added, changes.touch(id, clock.instant()));
    }

    /**
     * Changes some options of group {@code index} mid-run, checked like a new group's (see
     * {@link Tgd#editParamGroup}, which also trims momentum buffers to a lower momentum), and records the
     * change as an {@code edit_group} entry of the history, each option as it was and as it is. Options
     * given as they are change nothing, and nothing is recorded.
     */
    @Transactional
    public Versioned<StoredGroup> editParamGroup(UUID id, int index, Map<String, Object> options, ExpectedVersion expected) {
        StoredSession session = locked(id);
        if (index < 0 || index >= session.groups().size()) {
            throw new ParamGroupNotFoundException(id, index, session.groups().size());
        }
        refuseWhileStepping(session, "changing a param group's options");
        runs.refuse(id, null, "changing a param group's options");
        expected.check(id, session.version());
        Tgd tgd = factory.restore(session);
        var changed = tgd.editParamGroup(index, options);
        if (changed.isEmpty()) {
            return new Versioned<>(session.groups().get(index), session.version());
        }
        ParamGroup edited = tgd.paramGroups().get(index);
        var buffers = buffers(tgd, List.of(edited));
        changes.updateGroup(id, index, edited.options(), buffers);
        Instant now = clock.instant();
        history.insert(id, new StepRecord(changes.nextHistoryNumber(id), StepRecord.Kind.EDIT_GROUP, StepRecord.Status.SUCCEEDED, now,
                now, 0L, 0, 0, null, null, Map.of(), List.of(), List.of(), new StepRecord.GroupEdit(index, changed)));
        var params = session.groups().get(index).params().stream()
                .map(p -> new StoredParam(p.id(), p.data(), p.role(), p.requiresGrad(), p.grad(), buffers.get(p.id()))).toList();
        return new Versioned<>(new StoredGroup(edited.options(), params), changes.touch(id, now));
    }

    @Transactional
    public Versioned<StoredParam> patchParam(UUID id, UUID paramId, ParamPatch patch, ExpectedVersion expected) {
        StoredSession session = locked(id);
        StoredParam param = session.param(paramId).orElseThrow(() -> new ParamNotFoundException(id, paramId));
        refuseWhileStepping(session, "editing a parameter");
        runs.refuse(id, null, "editing a parameter");
        expected.check(id, session.version());
        limits.text(patch.data(), "data");
        limits.text(patch.role(), "role");
        String data = patch.data() == null ? param.data() : patch.data();
        String role = patch.role() == null ? param.role() : patch.role();
        boolean requiresGrad = patch.requiresGrad() == null ? param.requiresGrad() : patch.requiresGrad();
        changes.updateParam(id, paramId, data, role, requiresGrad);
        Instant now = clock.instant();
        if (!data.equals(param.data())) {
            history.insert(id, new StepRecord(changes.nextHistoryNumber(id), StepRecord.Kind.EDIT, StepRecord.Status.SUCCEEDED, now, now,
                    0L, 0, 0, null, null, Map.of(), List.of(),
                    List.of(new StepParamRecord(paramId, "edited", null, param.data(), data, List.of()))));
        }
        return new Versioned<>(new StoredParam(paramId, data, role, requiresGrad, param.grad(), param.momentumBuffer()),
                changes.touch(id, now));
    }

    /** Allowed while a step runs: the step keeps the grads it started with. */
    @Transactional
    public StoredSession clearGrad(UUID id) {
        locked(id);
        changes.clearGrads(id);
        changes.touch(id, clock.instant());
        return locked(id);
    }

    /**
     * {@code load_state_dict}: the core validates the whole dict before anything changes; then group
     * options and momentum buffers are replaced, and the saved usage is added to the session's (afnio's
     * semantics). What the session has spent, which its budget is checked against, is left as it is: an
     * import can neither rewind a budget nor use one up. Parameter values stay as they are.
     */
    @Transactional
    public StoredSession loadStateDict(UUID id, Map<String, Object> stateDict, Map<String, String> modelClients,
            ExpectedVersion expected) {
        StoredSession session = unlessStepping(id, "loading a state dict");
        expected.check(id, session.version());
        Tgd tgd = factory.restore(session);
        var imported = tgd.loadStateDict(StateDict.fromMap(stateDict), modelClients);
        changes.loadState(id, tgd.paramGroups().stream().map(ParamGroup::options).toList(), buffers(tgd, tgd.paramGroups()), imported);
        changes.touch(id, clock.instant());
        return locked(id);
    }

    /**
     * afnio's {@code clear_usage}: every client's usage back to nothing. What the session has spent, which
     * its budget is checked against, stays. Allowed while a step runs: its usage is added when it ends.
     */
    @Transactional
    public StoredSession clearUsage(UUID id) {
        locked(id);
        changes.clearUsage(id);
        changes.touch(id, clock.instant());
        return locked(id);
    }

    /** The momentum buffer of each parameter of {@code groups}, empty for one without state. */
    private static Map<UUID, List<MomentumEntry>> buffers(Tgd tgd, List<ParamGroup> groups) {
        var buffers = new LinkedHashMap<UUID, List<MomentumEntry>>();
        for (ParamGroup group : groups) {
            for (Parameter p : group.params()) {
                var state = tgd.state().get(p.id());
                buffers.put(UUID.fromString(p.id()), state == null ? List.of() : state.momentumBuffer());
            }
        }
        return buffers;
    }

    private StoredSession locked(UUID id) {
        return locks.lock(id).orElseThrow(() -> new SessionNotFoundException(id));
    }

    /** Refused while a step runs or a training run is active. */
    private StoredSession unlessStepping(UUID id, String what) {
        StoredSession session = locked(id);
        refuseWhileStepping(session, what);
        runs.refuse(id, null, what);
        return session;
    }

    static void refuseWhileStepping(StoredSession session, String what) {
        if (session.stepRunning()) {
            throw new StepRunningException(session.id(), what);
        }
    }

    /** The core's groups as stored: options filled in, parameters without grad or momentum yet. */
    static List<StoredGroup> stored(List<ParamGroup> groups) {
        return groups.stream().map(g -> new StoredGroup(g.options(), g.params().stream()
                .map(p -> new StoredParam(UUID.fromString(p.id()), p.data(), p.role(), p.requiresGrad(), p.grad(), List.of()))
                .toList())).toList();
    }
}
