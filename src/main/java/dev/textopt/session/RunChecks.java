package dev.textopt.session;

import dev.textopt.optim.InvalidOptimizerException;
import dev.textopt.optim.Problem;
import dev.textopt.optim.run.RunItem;
import dev.textopt.optim.run.RunSpec;
import dev.textopt.optim.training.BackwardPrompt;
import dev.textopt.optim.training.ForwardRequest;
import dev.textopt.optim.training.JudgePrompt;
import dev.textopt.optim.training.ModelRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks a run request against its session before the run is created, with the checks of the single
 * operations it will make, so that what a single forward, evaluate or backward would refuse is a 400 now,
 * naming the field as the run request wrote it ({@code forward.messages[0]}, {@code train[3].inputs.text}),
 * not a failed run an hour later.
 */
@Component
class RunChecks {

    private final TrainingCalls calls;
    private final ClosurePolicy policy;
    private final Limits limits;

    RunChecks(TrainingCalls calls, ClosurePolicy policy, Limits limits) {
        this.calls = calls;
        this.policy = policy;
        this.limits = limits;
    }

    RunCommand check(CallSession session, NewRun run) {
        if (run.forward() == null || run.forward().messages() == null) {
            throw new BadRequestException("forward.messages", "required: the messages of each batch's forward pass, with the "
                    + "parameters to train as {\"param\": \"<param_id>\"} items");
        }
        if (run.evaluator() == null) {
            throw new BadRequestException("evaluator", "required: {\"type\": \"exact_match\"}, an llm_judge or an http evaluator");
        }
        RunSpec spec = RunSpec.check(run.train(), run.validation(), run.epochs(), run.batchSize(), run.shuffleSeed(), run.keepBest(),
                run.validateEvery(), RunCommand.targetsOf(run.evaluator()), limits.runLimits());
        limits.runBatchSize(spec.batchSize());
        var known = session.params().stream().map(p -> p.id().toString()).collect(Collectors.toSet());
        List<String> paramIds = forward(run.forward(), spec.train(), "train", known);
        if (!spec.validation().isEmpty()) {
            forward(run.forward(), spec.validation(), "validation", known);
        }
        if (session.params().stream().noneMatch(p -> p.requiresGrad() && paramIds.contains(p.id().toString()))) {
            throw new BadRequestException("forward.messages", "the messages insert no parameter with requires_grad, so a run "
                    + "would train nothing; insert the prompts to train as {\"param\": \"<param_id>\"}");
        }
        var groups = session.groupOptions();
        calls.checked(ModelRole.resolve(run.forward().modelClient(), run.forward().completionArgs(), groups, paramIds), "forward.",
                "the messages insert no parameter whose group could give the model; name forward.model_client");
        evaluator(run.evaluator(), spec, groups, paramIds);
        RunCommand.Backward backward = run.backward() == null ? new RunCommand.Backward(null, null, null) : run.backward();
        renamed("backward.", () -> BackwardPrompt.of(backward.messages()));
        calls.checked(ModelRole.resolve(backward.modelClient(), backward.completionArgs(), groups, paramIds), "backward.",
                "the messages insert no parameter whose group could give the backward model; name backward.model_client");
        calls.requireBudget(session);
        return new RunCommand(spec, run.forward(), run.evaluator(), backward);
    }

    /** Every item's inputs against the messages, as a forward pass of them all would check them; the parameters inserted. */
    private static List<String> forward(RunCommand.Forward forward, List<RunItem> items, String dataset, Set<String> known) {
        var inputs = items.stream().map(RunItem::inputs).toList();
        try {
            return ForwardRequest.of(forward.messages(), inputs, known, Integer.MAX_VALUE).paramIds();
        } catch (InvalidOptimizerException e) {
            throw refused(e.problems().stream().map(p -> new Problem(forwardField(p.field(), dataset), p.message())).toList());
        }
    }

    /** {@code messages[0]…} is {@code forward.messages[0]…}; {@code inputs[3].text} is {@code train[3].inputs.text}. */
    static String forwardField(String field, String dataset) {
        if (field.startsWith("inputs[")) {
            int close = field.indexOf(']');
            return dataset + field.substring("inputs".length(), close + 1) + ".inputs" + field.substring(close + 1);
        }
        return field.equals("inputs") ? dataset : "forward." + field;
    }

    private void evaluator(EvaluateCommand.Evaluator evaluator, RunSpec spec, Function<String, Optional<Map<String, Object>>> groups,
            List<String> paramIds) {
        if (evaluator instanceof EvaluateCommand.LlmJudge judge) {
            boolean withTargets = spec.train().get(0).target() != null;
            JudgePrompt.of(judge.messages(), judge.criteria(), withTargets);
            calls.checked(ModelRole.resolve(judge.modelClient(), judge.completionArgs(), groups, paramIds), "evaluator.",
                    "the messages insert no parameter whose group could give the judge's model; name evaluator.model_client");
        } else if (evaluator instanceof EvaluateCommand.Http http) {
            policy.check(http.url(), "evaluator.url");
        }
    }

    /** Runs a check of the single operations' whose fields are written without the run request's {@code prefix}. */
    private static void renamed(String prefix, Runnable check) {
        try {
            check.run();
        } catch (InvalidOptimizerException e) {
            throw refused(e.problems().stream().map(p -> new Problem(prefix + p.field(), p.message())).toList());
        }
    }

    private static BadRequestException refused(List<Problem> problems) {
        return new BadRequestException(problems.size() == 1 ? problems.get(0).toString() : problems.size()
                + " problems in the run request; see errors", problems);
    }
}
