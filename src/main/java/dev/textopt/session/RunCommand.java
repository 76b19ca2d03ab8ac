package dev.textopt.session;

import dev.textopt.optim.run.RunSpec;
import dev.textopt.optim.training.PromptTurn;
import java.util.List;
import java.util.Map;

/**
 * A training run's request, checked: the dataset and schedule, and how each batch goes through the single
 * operations: the {@code forward} messages and model, the {@code evaluator} (its targets come from the items),
 * the {@code backward} model and messages. What the run's loop reads back from the database when it starts or
 * takes the run over; left-out models (null) default as the single operations' do.
 */
public record RunCommand(RunSpec spec, Forward forward, EvaluateCommand.Evaluator evaluator, Backward backward) {

    /** The forward pass of every batch: these messages filled from each item's inputs. */
    public record Forward(List<PromptTurn> messages, String modelClient, Map<String, Object> completionArgs) {
        public Forward {
            messages = List.copyOf(messages);
        }
    }

    /** The backward pass of every batch; null messages: the built-in backward prompt. */
    public record Backward(String modelClient, Map<String, Object> completionArgs, List<PromptTurn> messages) {
    }

    /** Whether the evaluator needs a target on every item (exact match) or takes them on all items or none. */
    static RunSpec.Targets targetsOf(EvaluateCommand.Evaluator evaluator) {
        return evaluator instanceof EvaluateCommand.ExactMatch ? RunSpec.Targets.EVERY_ITEM : RunSpec.Targets.ALL_OR_NONE;
    }
}
