package dev.textopt.adapter.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Completion;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.ModelClient;
import dev.textopt.optim.TokenUsage;

/**
 * The core's {@link ModelClient} port over a Spring AI {@link ChatModel}. The client's configured
 * {@code completion_args} are the defaults under each call's own.
 */
final class SpringAiModelClient implements ModelClient {

    private final ClientSettings settings;
    private final ChatModel chatModel; // null when the client is not configured
    private final OptionsMapper options;
    private final RetryingCaller caller;
    private final ModelMetrics metrics;

    SpringAiModelClient(ClientSettings settings, ChatModel chatModel, OptionsMapper options, RetryingCaller caller,
            ModelMetrics metrics) {
        this.settings = settings;
        this.chatModel = chatModel;
        this.options = options;
        this.caller = caller;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String provider() {
        return settings.provider().id();
    }

    @Override
    public String classType() {
        return settings.provider().classType();
    }

    @Override
    public void checkCompletionArgs(Map<String, Object> completionArgs) {
        options.check(completionArgs == null ? Map.of() : completionArgs);
    }

    @Override
    public Optional<String> missingConfiguration() {
        return chatModel == null ? Optional.of(settings.missingKeyHint()) : Optional.empty();
    }

    @Override
    public Completion complete(List<ChatMessage> messages, Map<String, Object> completionArgs) {
        Map<String, Object> args = new LinkedHashMap<>(settings.completionArgs());
        if (completionArgs != null) {
            args.putAll(completionArgs);
        }
        options.check(args);
        String model = options.requestedModel(args);
        long start = System.nanoTime();
        if (chatModel == null) {
            var notConfigured = new ModelCallException.NotConfigured(
                    "model client '" + name() + "' is not configured: " + settings.missingKeyHint());
            metrics.call(model, notConfigured.reason(), System.nanoTime() - start);
            throw notConfigured;
        }
        Prompt prompt = new Prompt(toSpringAi(messages), options.toOptions(args));
        try {
            ChatResponse response = caller.call(model, () -> chatModel.call(prompt));
            Completion completion = toCompletion(response, model);
            metrics.call(model, "success", System.nanoTime() - start);
            return completion;
        }
        catch (ModelCallException e) {
            metrics.call(model, e.reason(), System.nanoTime() - start);
            throw e;
        }
    }

    private static List<Message> toSpringAi(List<ChatMessage> messages) {
        return messages.stream().<Message>map(m -> switch (m.role()) {
            case SYSTEM -> new SystemMessage(m.content());
            case USER -> new UserMessage(m.content());
            case ASSISTANT -> new AssistantMessage(m.content());
        }).toList();
    }

    /** An answer without text is returned as empty text: the core's re-ask handles it and its tokens still count. */
    private static Completion toCompletion(ChatResponse response, String requestedModel) {
        String text = response == null ? "" : response.getResults().stream().map(Generation::getOutput)
            .filter(message -> !isThinking(message)).map(AssistantMessage::getText).filter(t -> t != null)
            .findFirst().orElse("");
        ChatResponseMetadata metadata = response == null ? null : response.getMetadata();
        Usage usage = metadata == null ? null : metadata.getUsage();
        TokenUsage tokens = usage == null ? TokenUsage.NONE
                : new TokenUsage(orZero(usage.getPromptTokens()), orZero(usage.getCompletionTokens()));
        String model = metadata == null || metadata.getModel() == null || metadata.getModel().isBlank()
                ? requestedModel : metadata.getModel();
        return new Completion(text, tokens, model);
    }

    /**
     * Anthropic's thinking blocks (with {@code thinking} enabled) come before the answer as generations of
     * their own, marked by their signature (or, redacted, their data); the answer is the text after them.
     */
    private static boolean isThinking(AssistantMessage message) {
        return message.getMetadata().containsKey("signature") || message.getMetadata().containsKey("data");
    }

    private static long orZero(Integer value) {
        return value == null || value < 0 ? 0 : value;
    }

    @Override
    public String toString() {
        return "SpringAiModelClient[" + settings + "]";
    }
}
