package dev.textopt.session;

import dev.textopt.optim.run.RunPosition;
import dev.textopt.optim.run.RunSchedule;
import dev.textopt.optim.run.ValidationScore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * One instance's work on a run it holds the lease of: the run's request, where it stands (as its progress in
 * the database says, kept up to date as this instance writes it), and the signals to stop at the next
 * check point: the lease was lost, the instance is shutting down.
 */
final class RunWork {

    final UUID runId;
    final UUID sessionId;
    final String owner;
    final RunCommand command;
    final RunSchedule schedule;
    final List<StoredRun.RunStep> steps;
    final List<ValidationScore> validation;
    final AtomicBoolean lost = new AtomicBoolean();
    private final int startEntry;
    private final BooleanSupplier stopping;
    private final BooleanSupplier cancelRequested;
    /**
     * The cancel flag as the last write of the run read it, not yet used by a check point; null: ask the database.
     * Set by writes behind the run's calls too (WritesBehind), on their own threads.
     */
    private final AtomicReference<Boolean> cancelSeen = new AtomicReference<>();
    /**
     * The run's writes that go on behind its model calls: settled where the run reads what they stored (a step that
     * reads the session, the end of a validation, the run's end); each check point throws a failure already known.
     */
    final WritesBehind writes;
    /** The session as the run's last operation left it, which the next forward takes instead of reading it; null: read it. */
    CallSession session;
    /**
     * The run's last step as this instance ran it, with the optimizer it left (values, momentum, grads cleared),
     * which the next step runs on; null: the next step reads the session.
     */
    RunSteps.RunStep lastStep;
    RunPosition position;
    /**
     * Until this instance trains its first batch of the run: that batch's step may have been made already (by
     * the instance that had the run before, which stops at the first step it cannot record), and the grads may
     * hold what that instance appended, or what the session had before the run. Later batches are this
     * instance's alone, and start with the grads their previous step's transaction cleared.
     */
    boolean resuming = true;

    RunWork(StoredRun run, String owner, RunCommand command, BooleanSupplier stopping, BooleanSupplier cancelRequested,
            WritesBehind writes) {
        this.runId = run.id();
        this.sessionId = run.sessionId();
        this.owner = owner;
        this.command = command;
        this.schedule = command.spec().schedule();
        this.steps = new ArrayList<>(run.steps());
        this.validation = new ArrayList<>(run.validation());
        this.startEntry = run.startEntry();
        this.position = run.position();
        this.stopping = stopping;
        this.cancelRequested = cancelRequested;
        this.writes = writes;
    }

    /** The history entry the parameters stand at: the last step's, or where the run started. */
    int lastEntry() {
        return steps.isEmpty() ? startEntry : steps.get(steps.size() - 1).step();
    }

    /**
     * Stops the work here when a write of the run behind its calls failed (as its operation would have failed), the
     * lease is lost, the instance is shutting down or the run was cancelled. The
     * cancel flag is asked of the database unless a write of the run read it since the last check point (each
     * operation's does, after its calls): once per call either way.
     */
    void checkpoint() {
        try {
            writes.throwIfFailed();
        } catch (WritesBehind.Failed failed) {
            throw RunFailedException.of(failed.operation(), failed.getCause(), f -> null);
        }
        if (lost.get()) {
            throw new Interrupted(Interrupted.Why.LEASE_LOST);
        }
        if (stopping.getAsBoolean()) {
            throw new Interrupted(Interrupted.Why.STOPPING);
        }
        Boolean seen = cancelSeen.getAndSet(null);
        if (seen != null ? seen : cancelRequested.getAsBoolean()) {
            throw new Interrupted(Interrupted.Why.CANCELLED);
        }
    }

    /** The cancel flag, read by a write of the run: the next check point goes by it. */
    void cancelSeen(boolean requested) {
        cancelSeen.set(requested);
    }

    /** The key of the step of the batch at {@code position}: kept on its history entry, it finds the step again after a crash. */
    String stepKey(RunPosition at) {
        return "textopt-run/" + runId + "/" + at.epoch() + "/" + at.batch();
    }

    /** Why a run's work stopped before its end, at a check point: no failure, nothing to record but what it says. */
    static final class Interrupted extends RuntimeException {

        enum Why { CANCELLED, STOPPING, LEASE_LOST }

        final Why why;

        Interrupted(Why why) {
            super(why.name(), null, false, false);
            this.why = why;
        }
    }
}
