package dev.textopt.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a step is going to do, decided before any call: which parameters get a model call (the prompt
 * built from their value and grads at that moment) and which are skipped. Turning the calls' outcomes
 * into a {@link StepResult} happens here too, so that {@link Tgd} only orchestrates.
 *
 * @param order every parameter in group order, as a {@link ParamOutcome.Skipped} or a {@link PlannedCall}
 */
record StepPlan(List<Object> order, List<PlannedCall> calls, UsageMeter meter) {

    /** A parameter's call, with what it was built from: the value before the step and the grads used. */
    record PlannedCall(Parameter param, Variable snapshot, List<Gradient> grads, int momentum, ContractCall<String> call) {
    }

    static StepPlan of(List<ParamGroup> groups, Function<Parameter, List<MomentumEntry>> history,
                       ModelClients clients, PriceTable prices, Allowance allowance) {
        List<Object> order = new ArrayList<>();
        List<PlannedCall> calls = new ArrayList<>();
        UsageMeter meter = new UsageMeter();
        for (ParamGroup group : groups) {
            TgdOptions options = TgdOptions.from(group.options());
            for (Parameter param : group.params()) {
                if (!param.requiresGrad()) {
                    order.add(new ParamOutcome.Skipped(param.id(), ParamOutcome.Skipped.NO_REQUIRES_GRAD));
                } else if (param.grad().isEmpty()) {
                    order.add(new ParamOutcome.Skipped(param.id(), ParamOutcome.Skipped.NO_GRADIENT));
                } else {
                    List<Gradient> grads = List.copyOf(param.grad());
                    Map<String, String> values = PromptValues.of(param, grads, history.apply(param), options);
                    List<ChatMessage> messages = options.messages().stream().map(m -> m.render(values)).toList();
                    ContractCall<String> call = new ContractCall<>(options.modelClient(), options.completionArgs(), messages,
                            ImprovedVariable.CONTRACT, clients, prices, meter, allowance);
                    PlannedCall planned = new PlannedCall(param, param.toVariable(), grads, options.momentum(), call);
                    order.add(planned);
                    calls.add(planned);
                    meter.register(options.modelClient()); // in parameter order
                }
            }
        }
        return new StepPlan(List.copyOf(order), List.copyOf(calls), meter);
    }

    StepResult result(List<ConcurrentCalls.Outcome<String>> outcomes, Loss loss, Map<String, List<Gradient>> closureGrads) {
        List<ParamOutcome> params = new ArrayList<>();
        List<ParamFailure> failures = new ArrayList<>();
        for (Object slot : order) {
            if (slot instanceof ParamOutcome.Skipped skipped) {
                params.add(skipped);
            } else if (slot instanceof PlannedCall planned) {
                ConcurrentCalls.Outcome<String> outcome = outcomes.get(calls.indexOf(planned));
                if (outcome.ok()) {
                    params.add(new ParamOutcome.Updated(planned.param().id(), planned.snapshot().data(), outcome.value(), planned.grads()));
                } else {
                    failures.add(new ParamFailure(planned.param().id(), outcome.failure()));
                }
            }
        }
        Map<String, Usage> usage = meter.snapshot();
        return failures.isEmpty()
                ? new StepResult.Applied(loss, params, usage, closureGrads)
                : new StepResult.Failed(loss, failures, params, usage, closureGrads);
    }
}
