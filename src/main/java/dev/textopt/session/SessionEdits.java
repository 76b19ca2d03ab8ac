package dev.textopt.session;

import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.ParamGroup;
import dev.textopt.optim.ParamGroupSpec;
import dev.textopt.optim.Parameter;
import dev.textopt.optim.StateDict;
import dev.textopt.optim.Tgd;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a session by hand: add a param group, edit a parameter, clear the grads, load a state dict.
 * Each locks the session first ({@link LockSessionPort}), so that no step starts before it commits, and
 * is refused while a step runs. {@link OptimizerSessions} is their public face.
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
    public StoredGroup addParamGroup(UUID id, NewGroup group) {
        StoredSession session = unlessStepping(id, "adding a param group");
        limits.params(session.params().size() + group.params().size(), "params");
        limits.newParams(List.of(group), "params");
        Tgd tgd = factory.restore(session);
        tgd.addParamGroup(new ParamGroupSpec(group.params().stream().map(TgdFactory::newParameter).toList(), group.options()));
        StoredGroup added = stored(tgd.paramGroups()).get(tgd.paramGroups().size() - 1);
        changes.addGroup(id, added, session.historyCount());
        changes.touch(id, clock.instant());
        return added;
    }

    @Transactional
    public StoredParam patchParam(UUID id, UUID paramId, ParamPatch patch) {
        StoredSession session = locked(id);
        StoredParam param = session.param(paramId).orElseThrow(() -> new ParamNotFoundException(id, paramId));
        refuseWhileStepping(session, "editing a parameter");
        runs.refuse(id, null, "editing a parameter");
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
        changes.touch(id, now);
        return new StoredParam(paramId, data, role, requiresGrad, param.grad(), param.momentumBuffer());
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
    public StoredSession loadStateDict(UUID id, Map<String, Object> stateDict, Map<String, String> modelClients) {
        Tgd tgd = factory.restore(unlessStepping(id, "loading a state dict"));
        var imported = tgd.loadStateDict(StateDict.fromMap(stateDict), modelClients);
        var buffers = new LinkedHashMap<UUID, List<MomentumEntry>>();
        for (ParamGroup group : tgd.paramGroups()) {
            for (Parameter p : group.params()) {
                var state = tgd.state().get(p.id());
                buffers.put(UUID.fromString(p.id()), state == null ? List.of() : state.momentumBuffer());
            }
        }
        changes.loadState(id, tgd.paramGroups().stream().map(ParamGroup::options).toList(), buffers, imported);
        changes.touch(id, clock.instant());
        return locked(id);
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
