package dev.textopt.session;

import dev.textopt.optim.training.ForwardOutput;
import dev.textopt.optim.training.ForwardPass;
import dev.textopt.optim.training.ForwardRequest;
import dev.textopt.optim.training.ForwardResult;
import dev.textopt.optim.training.ModelRole;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * afnio's forward pass over HTTP: render the messages with the parameters' current values for every input
 * item, call the model for each at once, and store a trace per item. The values are those of the last
 * completed step (a running step does not block it); each trace records them with their version, so that
 * backward can tell when they have changed since.
 */
@Service
public class ForwardService {

    private final LoadCallSessionPort sessions;
    private final SaveTracePort traces;
    private final TrainingCalls calls;
    private final TrainingTransactions transactions;
    private final TrainingMetrics metrics;
    private final Limits limits;
    private final TrainingSettings settings;
    private final Clock clock;

    ForwardService(LoadCallSessionPort sessions, SaveTracePort traces, TrainingCalls calls, TrainingTransactions transactions,
            TrainingMetrics metrics, Limits limits, TrainingSettings settings, Clock clock) {
        this.sessions = sessions;
        this.traces = traces;
        this.calls = calls;
        this.transactions = transactions;
        this.metrics = metrics;
        this.limits = limits;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What a forward stored, and the session as the next operation of a run may take it without reading it again:
     * the parameters it rendered with, their versions, and what it had spent with this forward's calls counted.
     */
    record Done(ForwardOutcome outcome, CallSession session) {

        /** The session and the traces, as evaluate and backward read them (BENCHMARKS.md, 16). */
        TraceLookup.Found found() {
            return new TraceLookup.Found(session, outcome.traces());
        }
    }

    public ForwardOutcome forward(UUID id, ForwardCommand command, AnswerKeeper<? super ForwardOutcome> keeper) {
        return forward(id, null, command, keeper, null).outcome();
    }

    /**
     * {@link #forward} for a run: with the session as the run's operation before left it ({@code left}, with
     * versions; null: read it), its traces stored {@code behind} the run's next model calls (null: at once), and the
     * session it used coming with them, for the run's next operation.
     */
    Done forward(UUID id, CallSession left, ForwardCommand command, AnswerKeeper<? super ForwardOutcome> keeper, WritesBehind behind) {
        Instant started = clock.instant();
        // The values it renders with and their versions, which the traces record, come from one statement.
        CallSession session = left != null ? left
                : transactions.read(() -> sessions.findWithVersions(id).orElseThrow(() -> new SessionNotFoundException(id)));
        var known = session.params().stream().map(p -> p.id().toString()).collect(Collectors.toSet());
        ForwardRequest request = ForwardRequest.of(command.messages(), command.inputs(), known, limits.maxBatchSize());
        ModelRole model = calls.checked(ModelRole.resolve(command.modelClient(), command.completionArgs(),
                session.groupOptions(), request.paramIds()), "",
                "the messages insert no parameter whose group could give the model; name a model_client");
        calls.requireBudget(session);
        var data = new LinkedHashMap<String, String>();
        request.paramIds().forEach(p -> data.put(p, session.param(UUID.fromString(p)).orElseThrow().data()));

        ForwardResult result = new ForwardPass(calls.calls("forward", session)).run(request, data, model);

        if (result instanceof ForwardResult.Failed failed) {
            transactions.countTokens(id, failed.usage(), keeper);
            metrics.finished("forward", "failed", started, clock.instant(), failed.usage());
            throw new CallsFailedException("forward pass", failed.failures().stream()
                    .map(f -> CallFailure.of(f.index(), null, null, f.cause())).toList(), session, failed.usage());
        }
        var completed = (ForwardResult.Completed) result;
        Instant now = clock.instant();
        var versions = session.versions();
        var used = request.paramIds().stream()
                .map(p -> new StoredTrace.UsedParam(UUID.fromString(p), versions.get(UUID.fromString(p)), data.get(p))).toList();
        var stored = new ArrayList<StoredTrace>();
        for (ForwardOutput output : completed.outputs()) {
            stored.add(new StoredTrace(UUID.randomUUID(), id, output.index(), now, now.plus(settings.traceTtl()), output.messages(),
                    request.inputs().get(output.index()), output.output(), model.client(), output.model(), output.usage(), used, null));
        }
        var outcome = new ForwardOutcome(stored, completed.usage());
        transactions.write(id, completed.usage(), keeper, behind, "forward", () -> {
            traces.insert(stored);
            keeper.keep(outcome);
        }, () -> metrics.finished("forward", "succeeded", started, clock.instant(), completed.usage()));
        return new Done(outcome, session.spending(completed.usage()));
    }
}
