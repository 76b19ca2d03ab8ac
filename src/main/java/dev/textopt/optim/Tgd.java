package dev.textopt.optim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Textual Gradient Descent, as afnio's {@code TGD}: every parameter with feedback is rewritten by a
 * language model that sees its role, its value, its feedback, the past iterations (momentum) and the
 * constraints.
 *
 * <h2>Options</h2>
 * {@code model_client} (required), {@code messages} (default {@link #builtInMessages()}), {@code inputs}
 * ({}), {@code constraints} ([]), {@code momentum} (0), {@code completion_args} ({}).
 *
 * <h2>Writing your own messages</h2>
 * Templates use {@code {name}} placeholders; write {@code {{} and {@code }}} for literal braces. Values are
 * inserted once and never re-scanned. The placeholders:
 * <ul>
 * <li>{@code {role}}: the parameter's role.</li>
 * <li>{@code {variable}}: its full current value (the built-in prompt wraps it in {@code <VARIABLE>}).</li>
 * <li>{@code {feedback}}: every gradient in order, each as {@code <FEEDBACK>…</FEEDBACK>}, its context (if
 * any) just before it as {@code <CONTEXT>…</CONTEXT>}, separated by newlines.</li>
 * <li>{@code {past_iterations}}: when momentum is above 0 and there is history, a whole block
 * {@code <PAST_ITERATIONS>…</PAST_ITERATIONS>} (earlier values in {@code <VALUE>} and the feedback they
 * got, per {@code <ITERATION>}) followed by a blank line; otherwise the empty string. The block brings its
 * own tags so that nothing is left behind when it is empty: put the placeholder directly before the next
 * text, not on a line of its own.</li>
 * <li>{@code {constraints}}: likewise a block {@code <CONSTRAINTS>} with the constraints numbered
 * "1. …", followed by a blank line, or the empty string when there are none.</li>
 * <li>{@code {key}} for every key of {@code inputs}: its value.</li>
 * </ul>
 * The model must answer with the new value inside {@code <IMPROVED_VARIABLE>…</IMPROVED_VARIABLE>}; your
 * messages should say so. A reply without it is re-asked once, then the parameter's update fails.
 */
public class Tgd extends Optimizer {

    private final ModelClients clients;
    private final PriceTable prices;
    private final TgdSettings settings;

    /**
     * @param params   Parameters (one group) or {@link ParamGroupSpec}s
     * @param defaults options for groups that leave them out; {@code model_client} is required, the rest
     *                 has built-in defaults
     */
    public Tgd(List<?> params, Map<String, Object> defaults, ModelClients clients, PriceTable prices, TgdSettings settings) {
        super(params, withBuiltInDefaults(defaults), new TgdOptionsSchema(clients), clients);
        this.clients = clients;
        this.prices = Objects.requireNonNull(prices, "prices");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    private Tgd(Map<String, Object> defaults, List<ParamGroupSpec> groups, Map<String, ParamState> state,
                Map<String, Usage> usage, ModelClients clients, PriceTable prices, TgdSettings settings) {
        super(defaults, groups, state, usage, new TgdOptionsSchema(clients), clients);
        this.clients = clients;
        this.prices = Objects.requireNonNull(prices, "prices");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Rebuilds a saved optimizer as it was: groups with their complete options (no defaults filled in),
     * state by parameter id, usage by client name. Still checks everything, as the configuration (clients)
     * may have changed since it was saved.
     */
    public static Tgd restore(Map<String, Object> defaults, List<ParamGroupSpec> groups, Map<String, ParamState> state,
                              Map<String, Usage> usage, ModelClients clients, PriceTable prices, TgdSettings settings) {
        return new Tgd(defaults, groups, state, usage, clients, prices, settings);
    }

    /** The built-in optimizer conversation in afnio's messages shape: a system turn, then a user turn. */
    public static List<Map<String, Object>> builtInMessages() {
        return BuiltInPrompts.messages();
    }

    private static Map<String, Object> withBuiltInDefaults(Map<String, Object> given) {
        Map<String, Object> defaults = new LinkedHashMap<>(Objects.requireNonNull(given, "defaults"));
        defaults.putIfAbsent(TgdOptions.MESSAGES, builtInMessages());
        defaults.putIfAbsent(TgdOptions.INPUTS, Map.of());
        defaults.putIfAbsent(TgdOptions.CONSTRAINTS, List.of());
        defaults.putIfAbsent(TgdOptions.MOMENTUM, 0);
        defaults.putIfAbsent(TgdOptions.COMPLETION_ARGS, Map.of());
        return defaults;
    }

    public StepResult step(Closure closure) {
        return step(closure, StepProgress.NONE, Allowance.UNLIMITED);
    }

    /**
     * One step: the closure (if any), then one model call per parameter with feedback, all at once (each
     * made only while {@code allowance} lasts), then the new values applied only if every call succeeded.
     * Never clears grad.
     */
    public StepResult step(Closure closure, StepProgress progress, Allowance allowance) {
        Loss loss = null;
        Map<String, List<Gradient>> closureGrads = Map.of();
        if (closure != null) {
            ClosureResult result = Objects.requireNonNull(closure.evaluate(allParams()), "the closure returned null");
            loss = result.loss();
            closureGrads = result.grads();
            replaceGrads(closureGrads);
        }
        StepPlan plan = StepPlan.of(paramGroups(), p -> momentumBuffer(p.id()), clients, prices, allowance);
        progress.started(plan.calls().size());
        List<Supplier<String>> calls = plan.calls().stream().map(c -> (Supplier<String>) () -> c.call().run().value()).toList();
        List<ConcurrentCalls.Outcome<String>> outcomes = new ConcurrentCalls(settings.maxConcurrentCalls(), settings.executor())
                .runAll(calls, (i, ok) -> progress.paramFinished(plan.calls().get(i).param().id(), ok));
        StepResult result = plan.result(outcomes, loss, closureGrads);
        result.usage().forEach(this::addUsage);
        if (result instanceof StepResult.Applied applied) {
            apply(applied, plan);
        }
        return result;
    }

    private void replaceGrads(Map<String, List<Gradient>> grads) {
        List<String> unknown = grads.keySet().stream().filter(id -> parameter(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidOptimizerException("closure.grads", "the closure returned gradients for unknown parameter(s) "
                    + unknown + "; nothing was changed");
        }
        grads.forEach((id, g) -> parameter(id).orElseThrow().replaceGrad(g));
    }

    private void apply(StepResult.Applied applied, StepPlan plan) {
        Map<String, String> newValues = new HashMap<>();
        applied.params().forEach(o -> {
            if (o instanceof ParamOutcome.Updated updated) {
                newValues.put(updated.id(), updated.data());
            }
        });
        for (StepPlan.PlannedCall call : plan.calls()) {
            // The snapshot is the value the prompt was built from, i.e. the value before this step.
            remember(call.param().id(), new MomentumEntry(call.snapshot(), call.grads()), call.momentum());
            call.param().setData(newValues.get(call.param().id()));
        }
    }
}
