package dev.textopt.session;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.Tgd;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases on sessions other than stepping and restoring: create, read, delete, feed gradients,
 * export state, read the history, and the changes by hand that {@link SessionEdits} makes. Each is one
 * short transaction; each change gives the session a new version.
 */
@Service
public class OptimizerSessions {

    private final LoadSessionPort sessions;
    private final CreateSessionPort creation;
    private final DeleteSessionPort deletion;
    private final AppendGradsPort appends;
    private final LoadHistoryPort history;
    private final SessionEdits edits;
    private final TgdFactory factory;
    private final Clock clock;
    private final Limits limits;

    OptimizerSessions(LoadSessionPort sessions, CreateSessionPort creation, DeleteSessionPort deletion, AppendGradsPort appends,
            LoadHistoryPort history, SessionEdits edits, TgdFactory factory, Clock clock, Limits limits) {
        this.sessions = sessions;
        this.creation = creation;
        this.deletion = deletion;
        this.appends = appends;
        this.history = history;
        this.edits = edits;
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
        limits.sessions(creation.countSessions());
        Tgd tgd = factory.create(request);
        Instant now = clock.instant();
        var session = new StoredSession(UUID.randomUUID(), request.optimizer(), 0, 0, 0, now, now, tgd.defaults(),
                SessionEdits.stored(tgd.paramGroups()), Map.of(), false, request.budget(), BigDecimal.ZERO);
        creation.insert(session);
        return session;
    }

    /** The session as answers show it (without momentum buffers: the state dict shows those). */
    @Transactional(readOnly = true)
    public StoredSession get(UUID id) {
        return sessions.findToShow(id).orElseThrow(() -> new SessionNotFoundException(id));
    }

    /**
     * The session's version alone, one narrow query: a conditional read that names it needs nothing else.
     * Empty if the tenant has no such session.
     */
    public OptionalLong version(UUID id) {
        return sessions.version(id);
    }

    /** The session's version, if the tenant has that session and it has that parameter. */
    public OptionalLong version(UUID id, UUID paramId) {
        return sessions.version(id, paramId);
    }

    @Transactional(readOnly = true)
    public PageOf<StoredSession> list(int page, int size) {
        return sessions.list(page, size);
    }

    @Transactional
    public void delete(UUID id) {
        if (!deletion.delete(id)) {
            throw new SessionNotFoundException(id);
        }
    }

    /** {@code add_param_group}: options the group leaves out come from the session's defaults. */
    public Versioned<StoredGroup> addParamGroup(UUID id, NewGroup group) {
        return edits.addParamGroup(id, group);
    }

    /** {@code optimizer.param_groups[index][option] = value}; see {@link SessionEdits#editParamGroup}. */
    public Versioned<StoredGroup> editParamGroup(UUID id, int index, Map<String, Object> options, ExpectedVersion expected) {
        return edits.editParamGroup(id, index, options, expected);
    }

    /** Only the one parameter and its grad are read; which of the two is missing is asked only when one is. */
    @Transactional(readOnly = true)
    public Versioned<StoredParam> param(UUID id, UUID paramId) {
        return sessions.findParam(id, paramId).orElseThrow(() -> sessions.version(id).isPresent()
                ? new ParamNotFoundException(id, paramId) : new SessionNotFoundException(id));
    }

    /** A person editing a parameter by hand; a new value is recorded in the history as an edit. */
    public Versioned<StoredParam> patchParam(UUID id, UUID paramId, ParamPatch patch, ExpectedVersion expected) {
        return edits.patchParam(id, paramId, patch, expected);
    }

    /**
     * Appends to the parameter's grad; allowed while a step runs (the step keeps what it started with).
     * Reads only this parameter, not the whole session: appends are the hot write path (BENCHMARKS.md).
     */
    @Transactional
    public Versioned<StoredParam> appendGrads(UUID id, UUID paramId, List<Gradient> grads) {
        // The session row's lock first: appends to one session take turns, so the grad read next is
        // complete, its limit exact and the order of the grads the order of the appends.
        if (!appends.touchOwn(id, clock.instant())) {
            throw new SessionNotFoundException(id);
        }
        var found = sessions.findParam(id, paramId).orElseThrow(() -> new ParamNotFoundException(id, paramId));
        StoredParam param = found.value();
        if (grads.isEmpty()) {
            throw new BadRequestException("body", "no gradient given; send one gradient {\"data\": …, \"role\": …} or a list of them");
        }
        limits.grads(param.grad().size() + grads.size(), "body");
        limits.gradients(grads, "body");
        appends.appendGrads(paramId, grads);
        var all = new ArrayList<>(param.grad());
        all.addAll(grads);
        return new Versioned<>(new StoredParam(paramId, param.data(), param.role(), param.requiresGrad(), all, param.momentumBuffer()),
                found.version());
    }

    public StoredSession clearGrad(UUID id) {
        return edits.clearGrad(id);
    }

    @Transactional(readOnly = true)
    public Versioned<Map<String, Object>> stateDict(UUID id) {
        StoredSession session = sessions.find(id).orElseThrow(() -> new SessionNotFoundException(id));
        return new Versioned<>(factory.restore(session).stateDict().toMap(), session.version());
    }

    /** {@code load_state_dict}; see {@link SessionEdits#loadStateDict}. */
    public StoredSession loadStateDict(UUID id, Map<String, Object> stateDict, Map<String, String> modelClients,
            ExpectedVersion expected) {
        return edits.loadStateDict(id, stateDict, modelClients, expected);
    }

    /** afnio's {@code clear_usage}; see {@link SessionEdits#clearUsage}. */
    public StoredSession clearUsage(UUID id) {
        return edits.clearUsage(id);
    }

    @Transactional(readOnly = true)
    public PageOf<StepRecord> history(UUID id, int page, int size) {
        get(id);
        return history.page(id, page, size);
    }

    /** Entry 0, the creation, is made up from the values the parameters were created with; the others are stored. */
    @Transactional(readOnly = true)
    public StepRecord historyEntry(UUID id, int number) {
        StoredSession session = get(id);
        if (number == 0) {
            return StepRecord.creation(session.createdAt(), history.valuesAfter(id, 0));
        }
        return history.entry(id, number)
                .orElseThrow(() -> new HistoryEntryNotFoundException(id, number, session.historyCount()));
    }
}
