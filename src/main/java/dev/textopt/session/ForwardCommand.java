package dev.textopt.session;

import dev.textopt.optim.training.PromptTurn;
import java.util.List;
import java.util.Map;

/**
 * A forward request: the {@code messages} with their {@code {"param": id}} items, one model call per item
 * of {@code inputs}, and the model, which the first parameter's group gives when left out (null).
 */
public record ForwardCommand(List<PromptTurn> messages, List<Map<String, String>> inputs, String modelClient,
        Map<String, Object> completionArgs) {

    public ForwardCommand {
        messages = List.copyOf(messages);
        inputs = List.copyOf(inputs);
    }
}
