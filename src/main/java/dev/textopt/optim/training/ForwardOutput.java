package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Usage;
import java.util.List;
import java.util.Objects;

/**
 * What the forward call for input item {@code index} did: what a trace records.
 *
 * @param messages the turns the model was sent, exactly
 * @param output   the model's reply
 * @param model    the model that answered (the provider's name for it, else the requested one; may be null)
 * @param usage    what the call cost
 */
public record ForwardOutput(int index, List<ChatMessage> messages, String output, String model, Usage usage) {

    public ForwardOutput {
        messages = List.copyOf(messages);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(usage, "usage");
    }
}
