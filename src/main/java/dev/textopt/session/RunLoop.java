package dev.textopt.session;

import dev.textopt.optim.run.RunSchedule;
import dev.textopt.optim.run.RunStatus;
import dev.textopt.optim.run.ValidationScore;
import dev.textopt.session.RunWork.Interrupted;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works on a run this instance holds the lease of, from where its progress in the database says it stands to
 * its end: asks {@link RunSchedule} what is next, does it ({@link RunBatches}), and writes the progress after
 * every step (in the step's own transaction, unless the step was found again) and validation, each write
 * fenced by the lease. It stops early when the run is cancelled
 * (ending it {@code cancelled}), when the instance shuts down (leaving the run to the next instance) or when
 * it lost the lease (leaving it to the instance that took it).
 */
@Component
class RunLoop {

    private static final Logger log = LoggerFactory.getLogger(RunLoop.class);

    private final LoadRunPort runs;
    private final RecordRunPort progress;
    private final RunLeasePort leases;
    private final RunBatches batches;
    private final RestoreService restores;
    private final OptimizerSessions sessions;
    private final LeaseKeeper keeper;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EventLog events;
    private final Executor writer;

    RunLoop(LoadRunPort runs, RecordRunPort progress, RunLeasePort leases, RunBatches batches, RestoreService restores,
            OptimizerSessions sessions, LeaseKeeper keeper, TransactionTemplate tx, Clock clock, EventLog events,
            @Qualifier("modelCallExecutor") ExecutorService writer) {
        this.runs = runs;
        this.progress = progress;
        this.leases = leases;
        this.batches = batches;
        this.restores = restores;
        this.sessions = sessions;
        this.keeper = keeper;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
        this.writer = writer;
    }

    /** Works on the claimed run until it ends or this instance has to let go of it. */
    void run(RunLeasePort.Claimed claimed, String owner, BooleanSupplier stopping) {
        if (!Boolean.TRUE.equals(tx.execute(s -> started(claimed, owner)))) {
            return; // cancelled while queued, or taken over already
        }
        RunWork work = tx.execute(s -> runs.find(claimed.sessionId(), claimed.runId()).flatMap(run -> runs.command(run.id())
                .map(command -> new RunWork(run, owner, command, stopping, () -> progress.cancelRequested(run.id()),
                        new WritesBehind(writer)))).orElse(null));
        if (work == null) {
            return; // deleted with its session
        }
        try (var heartbeat = keeper.keep("the lease of training run " + work.runId, keeper.timeout(), () -> {
            if (!leases.renew(work.runId, owner, clock.instant().plus(keeper.timeout()))) {
                work.lost.set(true);
            }
        })) {
            try {
                loop(work);
            } finally {
                work.writes.settleQuietly(); // a write behind the calls (a step's too) ends before the run's end is recorded
            }
        } catch (Interrupted e) {
            interrupted(work, e);
        } catch (RunFailedException e) {
            end(work, RunStatus.FAILED, e.failure());
        } catch (SessionNotFoundException e) {
            log.debug("Training run {} stopped: its session was deleted", work.runId);
        } catch (RuntimeException e) {
            log.error("Training run {} stopped unexpectedly", work.runId, e);
            end(work, RunStatus.FAILED, new StoredRun.RunFailure(null, null, null, "internal_error",
                    "the run stopped unexpectedly; this is a bug, the server log has the details"));
        }
    }

    private void loop(RunWork work) {
        while (true) {
            // No check point here: each phase asks before each of its calls, so that a cancel is looked up once per call.
            RunSchedule.Phase phase = work.schedule.next(work.position, work.validation.size());
            if (phase instanceof RunSchedule.Validate) {
                var score = new ValidationScore(work.lastEntry(), batches.validate(work));
                write(work, () -> progress.recordValidation(work.runId, work.owner, work.validation.size(), score));
                work.validation.add(score);
            } else if (phase instanceof RunSchedule.Train train) {
                var next = train.position().next(work.schedule.batchesPerEpoch());
                var trained = batches.train(work, train.position(), next);
                if (!trained.recorded()) { // its cost is counted on the run already: the step counted it when it ran
                    write(work, () -> {
                        boolean recorded = progress.recordStep(work.runId, work.owner, trained.step(), next).isPresent();
                        if (recorded) {
                            events.runProgress(work.sessionId, work.runId, trained.step(), work.steps.size() + 1,
                                    work.schedule.totalSteps());
                        }
                        return recorded;
                    });
                }
                work.steps.add(trained.step());
                work.position = next;
            } else {
                batches.settle(work);
                work.checkpoint();
                succeed(work);
                return;
            }
        }
    }

    /** {@code keep_best}'s restore and the run's end in one transaction: a crash in between cannot restore twice. */
    private void succeed(RunWork work) {
        Optional<Integer> best = work.command.spec().keepBest() ? ValidationScore.restoreTarget(work.validation, work.lastEntry())
                : Optional.empty();
        write(work, () -> {
            best.ifPresent(entry -> restores.restore(work.sessionId, entry, work.runId));
            return ended(work, RunStatus.SUCCEEDED, null);
        });
    }

    private void interrupted(RunWork work, Interrupted e) {
        switch (e.why) {
            case CANCELLED -> end(work, RunStatus.CANCELLED, null);
            case STOPPING -> {
                tx.executeWithoutResult(s -> leases.release(work.runId, work.owner));
                log.info("Training run {} left for another instance: this one is shutting down", work.runId);
            }
            case LEASE_LOST -> log.warn("Training run {} lost its lease to another instance, which goes on with it", work.runId);
        }
    }

    /** A run that ends before its last batch leaves no gradient of a half-trained batch behind. */
    private void end(RunWork work, RunStatus status, StoredRun.RunFailure failure) {
        try {
            write(work, () -> {
                sessions.clearGrad(work.sessionId);
                return ended(work, status, failure);
            });
        } catch (Interrupted | SessionNotFoundException e) {
            log.debug("Training run {} could not record its end ({}); whoever holds it now will", work.runId, e.getMessage());
        }
    }

    /** Running, on this instance: {@code run.started} (again when an instance takes over a run whose instance died). */
    private boolean started(RunLeasePort.Claimed claimed, String owner) {
        boolean started = progress.start(claimed.runId(), owner);
        if (started) {
            events.runStarted(claimed.sessionId(), claimed.runId());
        }
        return started;
    }

    private boolean ended(RunWork work, RunStatus status, StoredRun.RunFailure failure) {
        boolean ended = progress.finish(work.runId, work.owner, status, failure, clock.instant());
        if (ended) {
            events.runEnded(work.sessionId, work.runId, status, failure);
        }
        return ended;
    }

    /** One transaction that the lease fences: if the run is no longer this instance's, nothing of it is kept. */
    private void write(RunWork work, BooleanSupplier write) {
        boolean written = Boolean.TRUE.equals(tx.execute(s -> {
            if (write.getAsBoolean()) {
                return true;
            }
            s.setRollbackOnly();
            return false;
        }));
        if (!written) {
            work.lost.set(true);
            throw new Interrupted(Interrupted.Why.LEASE_LOST);
        }
    }
}
