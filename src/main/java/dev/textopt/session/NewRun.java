package dev.textopt.session;

import dev.textopt.optim.run.RunItem;
import dev.textopt.optim.run.ValidateEvery;
import java.util.List;

/**
 * A run request as the client wrote it, not checked yet (the run use case checks it against the session):
 * null stands for what was left out. The evaluator's targets are left out; they come from the items.
 */
public record NewRun(List<RunItem> train, List<RunItem> validation, RunCommand.Forward forward, EvaluateCommand.Evaluator evaluator,
        RunCommand.Backward backward, Integer epochs, Integer batchSize, Long shuffleSeed, Boolean keepBest,
        ValidateEvery validateEvery) {
}
