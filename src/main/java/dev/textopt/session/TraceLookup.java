package dev.textopt.session;

import dev.textopt.optim.Problem;
import dev.textopt.optim.training.Trace;
import dev.textopt.optim.training.TraceParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/** The traces an evaluate or backward request names, each checked, in the order named. */
@Component
class TraceLookup {

    private final LoadTracePort traces;
    private final Limits limits;

    TraceLookup(LoadTracePort traces, Limits limits) {
        this.traces = traces;
        this.limits = limits;
    }

    /**
     * The session's traces with the ids given, in order. Refused with a 400 naming each field at fault
     * ({@code field.apply(i)}): no id, too many, one that is not a trace of this session (another session's,
     * expired, or none at all) and one given twice.
     */
    List<StoredTrace> find(UUID sessionId, List<String> ids, IntFunction<String> field, Instant now) {
        if (ids.isEmpty()) {
            throw new BadRequestException("traces", "give at least one trace id, as forward answered them");
        }
        limits.batch(ids.size(), "traces", "traces");
        var problems = new ArrayList<Problem>();
        var parsed = new ArrayList<UUID>();
        var firstAt = new HashMap<UUID, Integer>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = uuid(ids.get(i));
            parsed.add(id);
            Integer earlier = id == null ? null : firstAt.putIfAbsent(id, i);
            if (earlier != null) {
                problems.add(new Problem(field.apply(i), "the same trace as " + field.apply(earlier) + "; name each trace once"));
            }
        }
        Map<UUID, StoredTrace> found = traces.find(sessionId, firstAt.keySet(), now);
        // Only to say why a trace is missing: a request whose traces are all found asks nothing more.
        var elsewhere = found.keySet().containsAll(firstAt.keySet()) ? List.<UUID>of()
                : traces.ofOtherSessions(sessionId, firstAt.keySet(), now);
        var ordered = new ArrayList<StoredTrace>();
        for (int i = 0; i < parsed.size(); i++) {
            UUID id = parsed.get(i);
            StoredTrace trace = id == null ? null : found.get(id);
            if (trace != null) {
                ordered.add(trace);
            } else if (id != null && elsewhere.contains(id)) {
                problems.add(new Problem(field.apply(i), "a trace of another session; name traces of this session's forward passes"));
            } else {
                problems.add(new Problem(field.apply(i), "no trace of this session has the id \"" + ids.get(i)
                        + "\"; traces expire after textopt.training.trace-ttl (run forward again)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                    : problems.size() + " traces cannot be used; see errors", problems);
        }
        return ordered;
    }

    private static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A stored trace as the core sees it: each parameter with its value then, and its role and requires_grad now. */
    static Trace trace(StoredTrace trace, CallSession session) {
        var params = trace.params().stream().map(used -> {
            var now = session.param(used.id());
            return new TraceParam(used.id().toString(), used.data(), now.map(CallSession.Param::role).orElse(""),
                    now.map(CallSession.Param::requiresGrad).orElse(false));
        }).toList();
        return new Trace(trace.id().toString(), trace.messages(), trace.inputs(), trace.output(), params);
    }
}
