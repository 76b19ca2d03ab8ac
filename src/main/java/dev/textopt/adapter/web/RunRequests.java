package dev.textopt.adapter.web;

import dev.textopt.optim.run.RunItem;
import dev.textopt.optim.run.ValidateEvery;
import dev.textopt.session.NewRun;
import dev.textopt.session.RunCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a run request record into the session layer's {@link NewRun}, reading its forward messages, evaluator
 * and backward prompt as the single operations' requests are read ({@link TrainingRequests}); the run use case
 * checks the rest against the session.
 */
final class RunRequests {

    private RunRequests() {
    }

    static NewRun of(RunRequestJson body) {
        var reader = new TrainingRequests();
        List<RunItem> train = items(reader, body.train(), "train");
        List<RunItem> validation = items(reader, body.validation(), "validation");
        RunCommand.Forward forward = null;
        if (body.forward() == null) {
            reader.problem("forward", "is required: {\"messages\": [...]} with the parameters to train as {\"param\": \"<param_id>\"}");
        } else {
            forward = new RunCommand.Forward(reader.forwardMessages(body.forward().messages(), "forward.messages"),
                    body.forward().modelClient(), body.forward().completionArgs());
        }
        var evaluator = reader.evaluator(body.evaluator());
        if (body.evaluator() != null && body.evaluator().targets() != null) {
            reader.problem("evaluator.targets", "a run's targets come from its items: give each item of train and validation a target");
        }
        RunCommand.Backward backward = body.backward() == null ? null : new RunCommand.Backward(body.backward().modelClient(),
                body.backward().completionArgs(), reader.messages(body.backward().messages(), "backward.messages"));
        ValidateEvery validateEvery = null;
        if (body.validateEvery() != null) {
            switch (body.validateEvery()) {
                case "epoch" -> validateEvery = ValidateEvery.EPOCH;
                case "step" -> validateEvery = ValidateEvery.STEP;
                default -> reader.problem("validate_every", "must be \"epoch\" or \"step\", not \"" + body.validateEvery() + "\"");
            }
        }
        reader.check();
        return new NewRun(train, validation, forward, evaluator, backward, body.epochs(), body.batchSize(), body.shuffleSeed(),
                body.keepBest(), validateEvery);
    }

    /** The items as given; an item left null, or without inputs, is for the run use case to name. */
    private static List<RunItem> items(TrainingRequests reader, List<RunRequestJson.RunItemJson> given, String field) {
        if (given == null) {
            return null;
        }
        var items = new ArrayList<RunItem>();
        for (int i = 0; i < given.size(); i++) {
            var item = given.get(i);
            if (item != null && item.inputs() != null) {
                reader.inputs(item.inputs(), field + "[" + i + "].inputs");
            }
            items.add(item == null ? null : new RunItem(item.inputs(), item.target()));
        }
        return items;
    }
}
