package dev.textopt.optim.training;

import dev.textopt.optim.Gradient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * afnio's {@code loss.backward()}: for every trace and every parameter it used that has
 * {@code requires_grad}, one model call asking how that parameter should change (see
 * {@link BackwardPrompt}). All calls at once (bounded as a step's calls), each re-asked once on a reply
 * without {@code <FEEDBACK>}; all-or-nothing.
 *
 * <p>Each answer becomes a {@link Gradient}: {@code data} = the feedback, {@code role} = "feedback on "
 * + the parameter's role, {@code context} = the trace in short ("input: …\noutput: …\nscore: …\nexplanation: …"),
 * which the TGD prompt shows just before the feedback.
 */
public final class BackwardPass {

    private final ModelCalls calls;
    private final BackwardPrompt prompt;

    public BackwardPass(ModelCalls calls, BackwardPrompt prompt) {
        this.calls = calls;
        this.prompt = prompt;
    }

    /** One planned call: which trace and parameter it gives feedback for. */
    private record Planned(BackwardItem item, TraceParam param) {
        Trace trace() {
            return item.trace();
        }
    }

    /**
     * How many gradients each parameter would get, by id: to refuse a request that would overflow a
     * parameter's grad before any call is made.
     */
    public static Map<String, Integer> gradientsPerParam(List<BackwardItem> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        plan(items).forEach(p -> counts.merge(p.param().id(), 1, Integer::sum));
        return counts;
    }

    private static List<Planned> plan(List<BackwardItem> items) {
        List<Planned> planned = new ArrayList<>();
        for (BackwardItem item : items) {
            for (TraceParam param : item.trace().params()) {
                if (param.requiresGrad()) {
                    planned.add(new Planned(item, param));
                }
            }
        }
        return planned;
    }

    public BackwardResult run(List<BackwardItem> items) {
        CallBatch<String> batch = calls.batch();
        List<Planned> planned = plan(items);
        for (Planned p : planned) {
            batch.add(p.item().model(), prompt.render(p.trace(), p.item().evaluation(), p.param()), FeedbackReply.CONTRACT);
        }
        List<TraceGradient> gradients = new ArrayList<>();
        List<BackwardFailure> failures = new ArrayList<>();
        batch.runAll((i, answer) -> gradients.add(gradient(planned.get(i), answer.value())),
                (i, cause) -> failures.add(new BackwardFailure(planned.get(i).trace().id(), planned.get(i).param().id(), cause)));
        return failures.isEmpty()
                ? new BackwardResult.Completed(gradients, batch.usage())
                : new BackwardResult.Failed(failures, batch.usage());
    }

    private static TraceGradient gradient(Planned p, String feedback) {
        String context = "input: " + p.trace().userInput() + "\noutput: " + p.trace().output() + "\n" + p.item().evaluation().asText();
        return new TraceGradient(p.trace().id(), p.param().id(), new Gradient(feedback, "feedback on " + p.param().role(), context));
    }
}
