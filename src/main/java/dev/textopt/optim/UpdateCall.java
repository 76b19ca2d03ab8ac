package dev.textopt.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model call that improves one parameter, with the single re-ask when the reply breaks the output
 * contract. Every completion's usage goes to the meter as soon as it is known, so tokens are counted
 * whatever happens afterwards, and each call (the re-ask too) is made only while the step's
 * {@link Allowance} is not used up.
 */
final class UpdateCall {

    private final String clientName;
    private final ModelClients clients;
    private final List<ChatMessage> messages;
    private final Map<String, Object> completionArgs;
    private final PriceTable prices;
    private final UsageMeter meter;
    private final Allowance allowance;

    UpdateCall(String clientName, ModelClients clients, List<ChatMessage> messages,
               Map<String, Object> completionArgs, PriceTable prices, UsageMeter meter, Allowance allowance) {
        this.clientName = clientName;
        this.clients = clients;
        this.messages = List.copyOf(messages);
        this.completionArgs = completionArgs;
        this.prices = prices;
        this.meter = meter;
        this.allowance = allowance;
    }

    /** The improved value; throws a {@link ModelCallException} when there is none. */
    String run() {
        ModelClient client = clients.find(clientName)
                .orElseThrow(() -> new ModelCallException.NotConfigured("model client \"" + clientName + "\" is no longer configured"));
        Optional<String> missing = client.missingConfiguration();
        if (missing.isPresent()) {
            throw new ModelCallException.NotConfigured("model client \"" + clientName + "\" cannot be called: " + missing.get());
        }
        Completion first = call(client, messages);
        Optional<String> value = ImprovedVariable.extract(first.text());
        if (value.isPresent()) {
            return storable(value.get(), first.usage());
        }
        List<ChatMessage> reAsk = new ArrayList<>(messages);
        reAsk.add(ChatMessage.assistant(first.text()));
        reAsk.add(ChatMessage.user(ImprovedVariable.correction(first.text())));
        Completion second = call(client, reAsk);
        String improved = ImprovedVariable.extract(second.text()).orElseThrow(() -> new ModelCallException.UnusableReply(
                "the model answered twice without a value inside " + ImprovedVariable.OPEN + "…" + ImprovedVariable.CLOSE,
                first.usage().plus(second.usage())));
        return storable(improved, first.usage().plus(second.usage()));
    }

    /** A value that would not be stored as the model wrote it fails this call, not the service. */
    private static String storable(String value, TokenUsage usage) {
        StorableText.problem(value).ifPresent(problem -> {
            throw new ModelCallException.UnusableReply("the model's new value " + problem, usage);
        });
        return value;
    }

    private Completion call(ModelClient client, List<ChatMessage> conversation) {
        if (allowance.reachedBy(meter.snapshot())) {
            throw new ModelCallException.BudgetReached("the session's budget was reached before this call, so it was not made");
        }
        try {
            Completion completion = client.complete(conversation, completionArgs);
            String model = completion.model() != null ? completion.model() : requestedModel();
            meter.add(clientName, prices.usageOf(model, completion.usage()));
            return completion;
        } catch (ModelCallException e) {
            meter.add(clientName, prices.usageOf(requestedModel(), e.usage()));
            throw e;
        }
    }

    private String requestedModel() {
        return completionArgs.get("model") instanceof String m ? m : null;
    }
}
