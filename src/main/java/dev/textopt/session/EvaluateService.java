package dev.textopt.session;

import dev.textopt.optim.training.EvaluationResult;
import dev.textopt.optim.training.EvaluatorFailedException;
import dev.textopt.optim.training.EvaluatorTargets;
import dev.textopt.optim.training.ExactMatch;
import dev.textopt.optim.training.ExternalEvaluation;
import dev.textopt.optim.training.ExternalEvaluator;
import dev.textopt.optim.training.JudgeItem;
import dev.textopt.optim.training.JudgePrompt;
import dev.textopt.optim.training.LlmJudge;
import dev.textopt.optim.training.ModelRole;
import dev.textopt.optim.training.Trace;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Scores traces, as afnio's evaluators do: by exact match, by a judge model, or by an endpoint of the
 * user's. Each trace keeps its evaluation for backward; the loss is the mean score. All or nothing: if
 * one score cannot be had, none is stored.
 */
@Service
public class EvaluateService {

    private final SaveTracePort traces;
    private final TraceLookup lookup;
    private final TrainingCalls calls;
    private final TrainingTransactions transactions;
    private final TrainingMetrics metrics;
    private final ClosurePolicy policy;
    private final ExternalEvaluator external;
    private final Clock clock;

    EvaluateService(SaveTracePort traces, TraceLookup lookup, TrainingCalls calls,
            TrainingTransactions transactions, TrainingMetrics metrics, ClosurePolicy policy, ExternalEvaluator external, Clock clock) {
        this.traces = traces;
        this.lookup = lookup;
        this.calls = calls;
        this.transactions = transactions;
        this.metrics = metrics;
        this.policy = policy;
        this.external = external;
        this.clock = clock;
    }

    /** What an evaluate stored, and the session and traces as backward reads them, for a run's next operation. */
    record Done(EvaluateOutcome outcome, TraceLookup.Found found) {
    }

    public EvaluateOutcome evaluate(UUID id, EvaluateCommand command, AnswerKeeper<? super EvaluateOutcome> keeper) {
        Instant started = clock.instant();
        TraceLookup.Found snapshot = transactions.read(() -> lookup.find(id, false, command.traceIds(), i -> "traces[" + i + "]", started));
        return evaluate(id, snapshot, command, keeper, null, started).outcome();
    }

    /**
     * {@link #evaluate} of traces a run's forward just made, given with its session ({@code snapshot}) instead of
     * read again: a run's operations follow one another, and only the run changes the session meanwhile. The scores
     * are stored {@code behind} the run's next model calls, after the traces.
     */
    Done evaluate(UUID id, TraceLookup.Found snapshot, EvaluateCommand command, AnswerKeeper<? super EvaluateOutcome> keeper,
            WritesBehind behind) {
        return evaluate(id, snapshot, command, keeper, behind, clock.instant());
    }

    private Done evaluate(UUID id, TraceLookup.Found snapshot, EvaluateCommand command, AnswerKeeper<? super EvaluateOutcome> keeper,
            WritesBehind behind, Instant started) {
        List<Trace> scored = snapshot.traces().stream().map(t -> TraceLookup.trace(t, snapshot.session())).toList();
        EvaluationResult result;
        try {
            result = score(snapshot.session(), scored, command.evaluator());
        } catch (CallsFailedException e) { // the http evaluator's
            metrics.finished("evaluate", "failed", started, clock.instant(), Map.of());
            throw e;
        }
        if (result instanceof EvaluationResult.Failed failed) {
            transactions.countTokens(id, failed.usage(), keeper);
            metrics.finished("evaluate", "failed", started, clock.instant(), failed.usage());
            throw new CallsFailedException("evaluation", failed.failures().stream().map(f -> CallFailure.of(f.index(),
                    scored.get(f.index()).id(), null, f.cause())).toList(), snapshot.session(), failed.usage());
        }
        var evaluated = (EvaluationResult.Scored) result;
        var results = new ArrayList<EvaluateOutcome.Result>();
        var stored = new LinkedHashMap<UUID, StoredTrace.TraceEvaluation>();
        for (int i = 0; i < scored.size(); i++) {
            var evaluation = evaluated.evaluations().get(i);
            UUID traceId = snapshot.traces().get(i).id();
            results.add(new EvaluateOutcome.Result(traceId, evaluation));
            stored.put(traceId, new StoredTrace.TraceEvaluation(evaluation.score(), evaluation.explanation(), command.evaluator().type()));
        }
        var outcome = new EvaluateOutcome(results, evaluated.loss(), evaluated.usage());
        transactions.write(id, evaluated.usage(), keeper, behind, "evaluate", () -> {
            traces.evaluate(stored);
            keeper.keep(outcome);
        }, () -> metrics.finished("evaluate", "succeeded", started, clock.instant(), evaluated.usage()));
        var after = snapshot.traces().stream().map(t -> t.evaluated(stored.get(t.id()))).toList();
        return new Done(outcome, new TraceLookup.Found(snapshot.session().spending(evaluated.usage()), after));
    }

    private EvaluationResult score(CallSession session, List<Trace> scored, EvaluateCommand.Evaluator evaluator) {
        if (evaluator instanceof EvaluateCommand.ExactMatch exact) {
            return new ExactMatch(exact.caseSensitive(), exact.trim()).evaluate(scored, exact.targets());
        }
        if (evaluator instanceof EvaluateCommand.LlmJudge judge) {
            return judge(session, scored, judge);
        }
        return external(session, scored, (EvaluateCommand.Http) evaluator);
    }

    /** The judge's prompt and model are checked before any call; its model defaults per trace, from the trace's first parameter. */
    private EvaluationResult judge(CallSession session, List<Trace> scored, EvaluateCommand.LlmJudge judge) {
        JudgePrompt prompt = JudgePrompt.of(judge.messages(), judge.criteria(), judge.targets() != null);
        EvaluatorTargets.check(judge.targets(), scored.size(), false);
        var items = new ArrayList<JudgeItem>();
        for (int i = 0; i < scored.size(); i++) {
            Trace trace = scored.get(i);
            ModelRole model = calls.checked(ModelRole.resolve(judge.modelClient(), judge.completionArgs(),
                    session.groupOptions(), trace.paramIds()), "evaluator.",
                    "traces[" + i + "] used no parameter whose group could give the judge's model; name evaluator.model_client");
            items.add(new JudgeItem(trace, judge.targets() == null ? null : judge.targets().get(i), model));
        }
        calls.requireBudget(session);
        return new LlmJudge(calls.calls("judge", session), prompt).evaluate(items);
    }

    /** An http evaluator's URL obeys the closures' allow-list and guard; its failure fails the whole evaluation. */
    private EvaluationResult external(CallSession session, List<Trace> scored, EvaluateCommand.Http http) {
        var url = policy.check(http.url(), "evaluator.url");
        try {
            return ExternalEvaluation.evaluate(external, url, scored, http.targets());
        } catch (EvaluatorFailedException e) {
            throw new CallsFailedException("evaluation", List.of(new CallFailure(null, null, null, "evaluator_failed", e.getMessage(), null)),
                    session, Map.of());
        }
    }
}
