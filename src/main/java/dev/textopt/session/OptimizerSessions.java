package dev.textopt.session;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.InvalidOptimizerException;
import dev.textopt.optim.Parameter;
import dev.textopt.optim.ParamGroupSpec;
import dev.textopt.optim.Problem;
import dev.textopt.optim.Tgd;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases on sessions other than stepping: create, read, edit, feed gradients, export and
 * import state. Each is one short transaction; each change gives the session a new version.
 */
@Service
public class OptimizerSessions {

    private final SessionStore store;
    private final TgdFactory factory;
    private final Clock clock;
    private final Limits limits;

    OptimizerSessions(SessionStore store, TgdFactory factory, Clock clock, Limits limits) {
        this.store = store;
        this.factory = factory;
        this.clock = clock;
        this.limits = limits;
    }

    @Transactional
    public StoredSession create(CreateSession request) {
        if (!"tgd".equals(request.optimizer())) {
            throw new BadRequestException("optimizer", "unknown optimizer \"" + request.optimizer() + "\"; the one optimizer is \"tgd\"");
        }
        if (request.groups().isEmpty()) {
            throw new BadRequestException("params", "params is empty; give at least one parameter (or one group)");
        }
        limits.params(request.groups().stream().mapToInt(g -> g.params().size()).sum(), "params");
        limits.newParams(request.groups(), "params");
        limits.sessions(store.countSessions());
        Tgd tgd = factory.create(request);
        Instant now = clock.instant();
        var groups = tgd.paramGroups().stream()
                .map(g -> new StoredGroup(g.options(), g.params().stream().map(OptimizerSessions::stored).toList()))
                .toList();
        var session = new StoredSession(UUID.randomUUID(), request.optimizer(), 0, 0, 0, now, now, tgd.defaults(), groups,
                Map.of(), false, request.budget(), java.math.BigDecimal.ZERO);
        store.insert(session);
        return session;
    }

    @Transactional(readOnly = true)
    public StoredSession get(UUID id) {
        return store.find(id).orElseThrow(() -> new SessionNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public SessionStore.PageOf<StoredSession> list(int page, int size) {
        return store.list(page, size);
    }

    @Transactional
    public void delete(UUID id) {
        if (!store.delete(id)) {
            throw new SessionNotFoundException(id);
        }
    }

    /** {@code add_param_group}: options the group leaves out come from the session's defaults. */
    @Transactional
    public StoredGroup addParamGroup(UUID id, NewGroup group) {
        StoredSession session = get(id);
        refuseWhileStepping(session, "adding a param group");
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
        var added = tgd.paramGroups().get(tgd.paramGroups().size() - 1);
        var stored = new StoredGroup(added.options(), added.params().stream().map(OptimizerSessions::stored).toList());
        store.addGroup(id, stored, session.historyCount());
        store.touch(id, clock.instant(), false);
        return stored;
    }

    @Transactional(readOnly = true)
    public StoredParam param(UUID id, UUID paramId) {
        return findParam(id, paramId);
    }

    /** Only the one parameter and its grad are read; which of the two is missing is asked only when one is. */
    private StoredParam findParam(UUID id, UUID paramId) {
        return store.findParam(id, paramId).orElseThrow(() -> store.exists(id)
                ? new ParamNotFoundException(id, paramId) : new SessionNotFoundException(id));
    }

    /**
     * A person editing a parameter by hand. A new value is recorded in the history as an edit, so that
     * a later restore knows it.
     */
    @Transactional
    public StoredParam patchParam(UUID id, UUID paramId, ParamPatch patch) {
        StoredSession session = get(id);
        StoredParam param = session.param(paramId).orElseThrow(() -> new ParamNotFoundException(id, paramId));
        refuseWhileStepping(session, "editing a parameter");
        limits.text(patch.data(), "data");
        limits.text(patch.role(), "role");
        String data = patch.data() == null ? param.data() : patch.data();
        String role = patch.role() == null ? param.role() : patch.role();
        boolean requiresGrad = patch.requiresGrad() == null ? param.requiresGrad() : patch.requiresGrad();
        store.updateParam(paramId, data, role, requiresGrad);
        Instant now = clock.instant();
        if (!data.equals(param.data())) {
            int number = store.nextHistoryNumber(id);
            store.insertHistory(id, new StepRecord(number, StepRecord.Kind.EDIT, StepRecord.Status.SUCCEEDED, now, now, 0L, 1, 1,
                    null, null, Map.of(), List.of(),
                    List.of(new StepParamRecord(paramId, "edited", null, param.data(), data, List.of()))));
        }
        store.touch(id, now, false);
        return new StoredParam(paramId, data, role, requiresGrad, param.grad(), param.momentumBuffer());
    }

    /**
     * Appends to the parameter's grad; allowed while a step runs (the step keeps what it started with).
     * Reads only this parameter, not the whole session: appends are the hot write path (BENCHMARKS.md).
     */
    @Transactional
    public StoredParam appendGrads(UUID id, UUID paramId, List<Gradient> grads) {
        // The session row's lock first: appends to one session take turns, so the grad read next is
        // complete, its limit exact and the order of the grads the order of the appends.
        if (!store.touchOwn(id, clock.instant())) {
            throw new SessionNotFoundException(id);
        }
        StoredParam param = store.findParam(id, paramId).orElseThrow(() -> new ParamNotFoundException(id, paramId));
        if (grads.isEmpty()) {
            throw new BadRequestException("body", "no gradient given; send one gradient {\"data\": …, \"role\": …} or a list of them");
        }
        limits.grads(param.grad().size() + grads.size(), "body");
        limits.gradients(grads, "body");
        store.appendGrads(paramId, grads);
        var all = new ArrayList<>(param.grad());
        all.addAll(grads);
        return new StoredParam(paramId, param.data(), param.role(), param.requiresGrad(), all, param.momentumBuffer());
    }

    @Transactional
    public StoredSession clearGrad(UUID id) {
        get(id);
        store.clearGrads(id);
        store.touch(id, clock.instant(), false);
        return get(id);
    }

    @Transactional(readOnly = true)
    public Map<String, Object> stateDict(UUID id) {
        return factory.restore(get(id)).stateDict().toMap();
    }

    /**
     * {@code load_state_dict}: the core validates the whole dict before anything changes; then group
     * options and momentum buffers are replaced, and the saved usage is added to the session's (afnio's
     * semantics). What the session has spent, which its budget is checked against, is left as it is: an
     * import can neither rewind a budget nor use one up. Parameter values stay as they are.
     */
    @Transactional
    public StoredSession loadStateDict(UUID id, Map<String, Object> stateDict, Map<String, String> modelClients) {
        StoredSession session = get(id);
        refuseWhileStepping(session, "loading a state dict");
        Tgd tgd = factory.restore(session);
        var imported = tgd.loadStateDict(dev.textopt.optim.StateDict.fromMap(stateDict), modelClients);
        store.replaceGroupOptions(id, tgd.paramGroups().stream().map(g -> g.options()).toList());
        var buffers = new java.util.LinkedHashMap<UUID, List<dev.textopt.optim.MomentumEntry>>();
        for (var group : tgd.paramGroups()) {
            for (Parameter p : group.params()) {
                var state = tgd.state().get(p.id());
                buffers.put(UUID.fromString(p.id()), state == null ? List.of() : state.momentumBuffer());
            }
        }
        store.setMomentumBuffers(buffers);
        store.addImportedUsage(id, imported);
        store.touch(id, clock.instant(), false);
        return get(id);
    }

    @Transactional(readOnly = true)
    public SessionStore.PageOf<StepRecord> history(UUID id, int page, int size) {
        get(id);
        return store.history(id, page, size);
    }

    @Transactional(readOnly = true)
    public StepRecord historyEntry(UUID id, int number) {
        StoredSession session = get(id);
        return store.historyEntry(id, number)
                .orElseThrow(() -> new HistoryEntryNotFoundException(id, number, session.historyCount()));
    }

    private static void refuseWhileStepping(StoredSession session, String what) {
        if (session.stepRunning()) {
            throw new StepRunningException(session.id(), what);
        }
    }

    static StoredParam stored(Parameter p) {
        return new StoredParam(UUID.fromString(p.id()), p.data(), p.role(), p.requiresGrad(), p.grad(), List.of());
    }
}
