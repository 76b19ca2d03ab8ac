package dev.textopt.session;

import dev.textopt.optim.Allowance;
import dev.textopt.optim.Closure;
import dev.textopt.optim.StepResult;
import dev.textopt.optim.Tgd;
import dev.textopt.session.StepStarter.Begun;
import dev.textopt.session.StepStarter.Earlier;
import dev.textopt.session.StepStarter.Started;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * One optimization step, in three parts so that no transaction or connection is held while a model
 * is thinking: (1) take the session's lease and a snapshot ({@link StepStarter}), (2) run the closure and
 * the core's step with the database released, (3) apply the result, history and usage in one short
 * transaction ({@link StepFinisher}).
 */
@Service
public class StepService {

    private static final Logger log = LoggerFactory.getLogger(StepService.class);

    private final StepStarter starter;
    private final StepFinisher finisher;
    private final TgdFactory factory;
    private final StepClosures closures;
    private final ProgressWriter progressWriter;
    private final LeaseKeeper leases;
    private final Executor background;
    private final Spans spans;

    StepService(StepStarter starter, StepFinisher finisher, TgdFactory factory, StepClosures closures, ProgressWriter progressWriter,
            LeaseKeeper leases, @Qualifier("backgroundSteps") Executor background, Spans spans) {
        this.starter = starter;
        this.finisher = finisher;
        this.factory = factory;
        this.closures = closures;
        this.progressWriter = progressWriter;
        this.leases = leases;
        this.background = background;
        this.spans = spans;
    }

    /**
     * Runs a step to its end. {@code closureUrl} may be null; so may {@code idempotencyKey}, the key of
     * the request: a step that an earlier request with it started is not run again.
     */
    public StepOutcome step(UUID id, String closureUrl, String idempotencyKey) {
        URI closure = closureUrl == null ? null : closures.check(closureUrl);
        Begun begun = start(id, closure != null, idempotencyKey, null);
        return begun instanceof Earlier earlier ? StepOutcome.replayOf(earlier.entry()) : run((Started) begun, closure);
    }

    /**
     * Starts a step and returns its number at once; the step runs on in the background (and goes on
     * if the client disconnects), in the trace of this request. Its history entry shows {@code running}
     * with progress, then the result.
     */
    public StepStart stepAsync(UUID id, String closureUrl, String idempotencyKey) {
        URI closure = closureUrl == null ? null : closures.check(closureUrl);
        Begun begun = start(id, closure != null, idempotencyKey, null);
        if (begun instanceof Earlier earlier) {
            return new StepStart(earlier.entry().number(), earlier.entry().status(), true);
        }
        Started started = (Started) begun;
        background.execute(() -> {
            try {
                run(started, closure);
            } catch (RuntimeException e) {
                // The failure is in the step's history entry, where the poller will read it.
                log.debug("Asynchronous step {} of session {} failed: {}", started.number(), id, e.getMessage());
            }
        });
        return new StepStart(started.number(), StepRecord.Status.RUNNING, false);
    }

    /** Takes the session's lease and records the running step (StepStarter), in a span of its own. */
    Begun start(UUID id, boolean withClosure, String key, UUID asRun) {
        return spans.around(Spans.STEP_START, id, () -> starter.start(id, withClosure, key, asRun));
    }

    private StepOutcome run(Started started, URI closureUrl) {
        return run(started, factory.restore(started.session()),
                closureUrl == null ? null : closures.of(closureUrl, started.session().id(), started.number()), AnswerKeeper.none());
    }

    /** Runs a started step on {@code tgd}, restored from its snapshot, to its end; the step's outcome goes to {@code keeper}. */
    StepOutcome run(Started started, Tgd tgd, Closure closure, AnswerKeeper<StepOutcome> keeper) {
        UUID id = started.session().id();
        var progress = progressWriter.recorder(id, started.number(), started.total());
        try (var heartbeat = leases.keep(id, started.leaseOwner())) {
            Budget budget = started.session().budget();
            Allowance allowance = budget == null ? Allowance.UNLIMITED : Allowance.of(budget.amount(), started.session().spent());
            StepResult result = spans.around(Spans.STEP_CALLS, id, () -> tgd.step(closure, progress, allowance));
            return spans.around(Spans.STEP_APPLY, id, () -> finisher.finish(started, tgd, result, progress, keeper));
        } catch (ClosureEndpoint.ClosureFailedException e) {
            throw spans.around(Spans.STEP_APPLY, id, () -> finisher.closureFailed(started, progress, e));
        } catch (StepFailedException | BudgetExhaustedException e) {
            throw e; // the step's end is recorded
        } catch (RuntimeException e) {
            finisher.stoppedUnexpectedly(started, progress);
            throw e;
        }
    }
}
