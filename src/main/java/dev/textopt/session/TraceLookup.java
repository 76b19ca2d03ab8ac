package dev.textopt.session;

import dev.textopt.optim.Problem;
import dev.textopt.optim.training.Trace;
import dev.textopt.optim.training.TraceParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;

/**
 * The session an evaluate or backward request is for, and the traces it names, each checked, in the order
 * named; read together, in one round trip (BENCHMARKS.md, 14).
 */
@Component
class TraceLookup {

    /** The session, and its traces in the order the request named them. */
    record Found(CallSession session, List<StoredTrace> traces) {
    }

    private final LoadCallSessionPort sessions;
    private final LoadTracePort traces;
    private final Limits limits;

    TraceLookup(LoadCallSessionPort sessions, LoadTracePort traces, Limits limits) {
        this.sessions = sessions;
        this.traces = traces;
        this.limits = limits;
    }

    /**
     * The session (with its parameters' value versions, if asked) and its traces with the ids given. No such
     * session: 404, before anything about the traces. Refused with a 400 naming each field at fault
     * ({@code field.apply(i)}): no id, too many, one that is not a trace of this session (another session's,
     * expired, or none at all) and one given twice.
     */
    Found find(UUID sessionId, boolean versions, List<String> ids, IntFunction<String> field, Instant now) {
        var problems = new ArrayList<Problem>();
        var parsed = new ArrayList<UUID>();
        var firstAt = new LinkedHashMap<UUID, Integer>();
        for (int i = 0; i < ids.size() && i <= limits.maxBatchSize(); i++) { // one past the limit is enough to refuse
            UUID id = uuid(ids.get(i));
            parsed.add(id);
            Integer earlier = id == null ? null : firstAt.putIfAbsent(id, i);
            if (earlier != null) {
                problems.add(new Problem(field.apply(i), "the same trace as " + field.apply(earlier) + "; name each trace once"));
            }
        }
        var read = sessions.findWithTraces(sessionId, versions, firstAt.keySet(), now).orElseThrow(() -> new SessionNotFoundException(sessionId));
        if (ids.isEmpty()) {
            throw new BadRequestException("traces", "give at least one trace id, as forward answered them");
        }
        limits.batch(ids.size(), "traces", "traces");
        Map<UUID, StoredTrace> found = read.traces();
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
        return new Found(read.session(), ordered);
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
