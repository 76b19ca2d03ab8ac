package dev.textopt.session;

import dev.textopt.optim.Usage;
import dev.textopt.optim.run.RunPosition;
import dev.textopt.optim.run.RunStatus;
import dev.textopt.optim.run.ValidationScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A training run as the database holds it, without its request (the dataset may be large; only the run's
 * own loop reads it): where it stands, the steps it has trained, its validation scores, why it failed,
 * what it cost. {@code startEntry} is the history entry current when it was created; {@code totalSteps}
 * the steps of the whole run (epochs × batches).
 */
public record StoredRun(
        UUID id,
        UUID sessionId,
        RunStatus status,
        int startEntry,
        int totalSteps,
        RunPosition position,
        List<RunStep> steps,
        List<ValidationScore> validation,
        RunFailure failure,
        Map<String, Usage> usage,
        boolean cancelRequested,
        Instant createdAt,
        Instant finishedAt) {

    public StoredRun {
        steps = List.copyOf(steps);
        validation = List.copyOf(validation);
        usage = Map.copyOf(usage);
    }

    /** The best validation score so far (ties: the earlier), if the run validates. */
    public Optional<ValidationScore> best() {
        return ValidationScore.best(validation);
    }

    /** The history entry the run's parameters stand at: its last step's, or where it started. */
    public int lastEntry() {
        return steps.isEmpty() ? startEntry : steps.get(steps.size() - 1).step();
    }

    /** One trained batch: the history entry of its step, where in the run it was, and the batch's mean score before the step. */
    public record RunStep(int step, int epoch, int batch, double trainScore) {
    }

    /**
     * Why a run failed: the operation ({@code forward}, {@code evaluate}, {@code backward}, {@code step}), the
     * dataset item it was working on ({@code train[3]}, {@code validation[0]}) or null, the parameter (backward,
     * step) or null, the reason in a step's words ({@code timeout}, {@code budget}, …) and what happened.
     */
    public record RunFailure(String operation, String item, String paramId, String reason, String detail) {
    }
}
