package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.ReplyContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * afnio's {@code ChatCompletion} over a batch: one model call per input item, all at once (bounded as a
 * step's calls), all-or-nothing. Any reply is an output, so a forward call is never re-asked.
 */
public final class ForwardPass {

    private final ModelCalls calls;

    public ForwardPass(ModelCalls calls) {
        this.calls = calls;
    }

    /**
     * Renders every input item and calls the model with it.
     *
     * @param paramData each of {@link ForwardRequest#paramIds()} to its current data
     * @param model     the forward model role, e.g. from {@link ModelRole#resolve} with the request's paramIds
     */
    public ForwardResult run(ForwardRequest request, Map<String, String> paramData, ModelRole model) {
        List<List<ChatMessage>> rendered = new ArrayList<>();
        CallBatch<String> batch = calls.batch();
        for (int i = 0; i < request.size(); i++) {
            List<ChatMessage> messages = request.render(i, paramData);
            rendered.add(messages);
            batch.add(model, messages, ReplyContract.anyText());
        }
        List<ForwardOutput> outputs = new ArrayList<>();
        List<ItemFailure> failures = new ArrayList<>();
        batch.runAll((i, answer) -> outputs.add(new ForwardOutput(i, rendered.get(i), answer.value(), answer.model(), answer.usage())),
                (i, cause) -> failures.add(new ItemFailure(i, cause)));
        return failures.isEmpty()
                ? new ForwardResult.Completed(outputs, batch.usage())
                : new ForwardResult.Failed(failures, batch.usage());
    }
}
