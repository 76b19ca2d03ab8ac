package dev.textopt.session;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.Problem;
import dev.textopt.optim.training.BackwardItem;
import dev.textopt.optim.training.BackwardPass;
import dev.textopt.optim.training.BackwardPrompt;
import dev.textopt.optim.training.BackwardResult;
import dev.textopt.optim.training.Evaluation;
import dev.textopt.optim.training.ModelRole;
import dev.textopt.optim.training.Trace;
import dev.textopt.optim.training.TraceGradient;
import dev.textopt.optim.training.TraceParam;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Service;

/**
 * afnio's {@code loss.backward()} over HTTP: for every trace and every parameter it used that has
 * {@code requires_grad}, a model says how the parameter should change; its feedback is appended to the
 * parameter's grad, in trace order, all or nothing. Feedback is only appended to the values it is about:
 * a trace whose parameter changed since its forward pass is refused, before the calls and again when the
 * gradients are appended.
 */
@Service
public class BackwardService {

    private final LoadCallSessionPort sessions;
    private final AppendGradsPort appends;
    private final TraceLookup lookup;
    private final TrainingCalls calls;
    private final TrainingTransactions transactions;
    private final TrainingMetrics metrics;
    private final Limits limits;
    private final Clock clock;

    BackwardService(LoadCallSessionPort sessions, AppendGradsPort appends, TraceLookup lookup, TrainingCalls calls,
            TrainingTransactions transactions, TrainingMetrics metrics, Limits limits, Clock clock) {
        this.sessions = sessions;
        this.appends = appends;
        this.lookup = lookup;
        this.calls = calls;
        this.transactions = transactions;
        this.metrics = metrics;
        this.limits = limits;
        this.clock = clock;
    }

    public BackwardOutcome backward(UUID id, BackwardCommand command, AnswerKeeper<? super BackwardOutcome> keeper) {
        Instant started = clock.instant();
        List<String> ids = command.traces().stream().map(BackwardCommand.TraceScore::traceId).toList();
        TraceLookup.Found snapshot = transactions.read(() -> lookup.find(id, true, ids, i -> "traces[" + i + "].trace_id", started));
        return backward(id, snapshot, command, keeper, null, started);
    }

    /**
     * {@link #backward} of traces a run just forwarded and evaluated, given with the session as the run's forward
     * read it ({@code snapshot}, with versions) instead of read again; the versions and grad counts are checked
     * again under the session's lock when the gradients are appended, as always, {@code behind} the run's writes
     * before it.
     */
    BackwardOutcome backward(UUID id, TraceLookup.Found snapshot, BackwardCommand command, AnswerKeeper<? super BackwardOutcome> keeper,
            WritesBehind behind) {
        return backward(id, snapshot, command, keeper, behind, clock.instant());
    }

    private BackwardOutcome backward(UUID id, TraceLookup.Found snapshot, BackwardCommand command,
            AnswerKeeper<? super BackwardOutcome> keeper, WritesBehind behind, Instant started) {
        CallSession session = snapshot.session();
        List<BackwardItem> items = items(session, snapshot.traces(), command);
        BackwardPrompt prompt = BackwardPrompt.of(command.messages());
        var adding = new LinkedHashMap<UUID, Integer>();
        BackwardPass.gradientsPerParam(items).forEach((paramId, count) -> adding.put(UUID.fromString(paramId), count));
        checkGradLimits(paramId -> session.param(paramId).map(CallSession.Param::grads).orElse(0), adding);
        requireCurrent(snapshot.traces(), session.versions());
        calls.requireBudget(session);

        BackwardResult result = new BackwardPass(calls.calls("backward", session), prompt).run(items);

        if (result instanceof BackwardResult.Failed failed) {
            transactions.countTokens(id, failed.usage(), keeper);
            metrics.finished("backward", "failed", started, clock.instant(), failed.usage());
            throw new CallsFailedException("backward pass", failed.failures().stream()
                    .map(f -> CallFailure.of(null, f.traceId(), f.paramId(), f.cause())).toList(), session, failed.usage());
        }
        var completed = (BackwardResult.Completed) result;
        var outcome = new BackwardOutcome(completed.gradients().stream().map(this::shortened).toList(), completed.usage());
        var byParam = new LinkedHashMap<UUID, List<Gradient>>();
        outcome.gradients().forEach(g -> byParam.computeIfAbsent(UUID.fromString(g.paramId()), p -> new ArrayList<>()).add(g.gradient()));
        transactions.write(id, completed.usage(), keeper, behind, "backward", () -> {
            // The session row is locked now: no step applies and no gradient is appended until this commits,
            // so the versions and counts read next are exact, as an append's are.
            CallSession now = sessions.findWithVersions(id).orElseThrow(() -> new SessionNotFoundException(id));
            requireCurrent(snapshot.traces(), now.versions());
            checkGradLimits(paramId -> now.param(paramId).map(CallSession.Param::grads).orElse(0), countsOf(byParam));
            byParam.forEach(appends::appendGrads);
            keeper.keep(outcome);
        }, () -> metrics.finished("backward", "succeeded", started, clock.instant(), completed.usage()));
        return outcome;
    }

    /** Each trace with its evaluation (the request's score wins over a stored one) and its model. */
    private List<BackwardItem> items(CallSession session, List<StoredTrace> found, BackwardCommand command) {
        var problems = new ArrayList<Problem>();
        var items = new ArrayList<BackwardItem>();
        for (int i = 0; i < found.size(); i++) {
            StoredTrace trace = found.get(i);
            BackwardCommand.TraceScore given = command.traces().get(i);
            Evaluation evaluation = evaluation(trace, given, "traces[" + i + "]", problems);
            Trace used = TraceLookup.trace(trace, session);
            if (evaluation == null || used.params().stream().noneMatch(TraceParam::requiresGrad)) {
                continue; // a trace that used no parameter with requires_grad makes no call
            }
            ModelRole model = calls.checked(ModelRole.resolve(command.modelClient(), command.completionArgs(),
                    session.groupOptions(), used.paramIds()), "",
                    "traces[" + i + "] used no parameter whose group could give the backward model; name a model_client");
            items.add(new BackwardItem(used, evaluation, model));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                    : problems.size() + " traces cannot be used; see errors", problems);
        }
        return items;
    }

    private static Evaluation evaluation(StoredTrace trace, BackwardCommand.TraceScore given, String field, List<Problem> problems) {
        if (given.score() != null) {
            if (!(given.score() >= 0 && given.score() <= 1)) {
                problems.add(new Problem(field + ".score", "must be a number from 0 (worst) to 1 (best), not " + given.score()));
                return null;
            }
            return new Evaluation(given.score(), given.explanation());
        }
        if (given.explanation() != null) {
            problems.add(new Problem(field + ".score", "required with an explanation: the score the explanation explains"));
            return null;
        }
        if (trace.evaluation() == null) {
            problems.add(new Problem(field, "this trace has no evaluation: evaluate it first (POST …/evaluate), or give its score "
                    + "(and explanation) here"));
            return null;
        }
        return new Evaluation(trace.evaluation().score(), trace.evaluation().explanation());
    }

    /** 409 for the first trace, in order, whose parameters do not all still have the value it used. */
    private static void requireCurrent(List<StoredTrace> found, Map<UUID, Integer> versions) {
        for (StoredTrace trace : found) {
            for (StoredTrace.UsedParam used : trace.params()) {
                Integer now = versions.get(used.id());
                if (now == null || now != used.version()) {
                    throw new StaleTraceException(trace.id(), used.id(), used.version(), now == null ? -1 : now);
                }
            }
        }
    }

    /** {@code held}: how many gradients a parameter has now. */
    private void checkGradLimits(ToIntFunction<UUID> held, Map<UUID, Integer> adding) {
        adding.forEach((paramId, count) -> limits.grads(held.applyAsInt(paramId) + count, "traces"));
    }

    private static Map<UUID, Integer> countsOf(Map<UUID, List<Gradient>> byParam) {
        var counts = new LinkedHashMap<UUID, Integer>();
        byParam.forEach((paramId, grads) -> counts.put(paramId, grads.size()));
        return counts;
    }

    /** The context is our own summary of the trace: cut to the text limit rather than refused. */
    private TraceGradient shortened(TraceGradient g) {
        String context = g.gradient().context();
        int max = limits.maxTextLength();
        if (context == null || context.length() <= max) {
            return g;
        }
        return new TraceGradient(g.traceId(), g.paramId(), new Gradient(g.gradient().data(), g.gradient().role(),
                context.substring(0, max - 1) + "…"));
    }
}
