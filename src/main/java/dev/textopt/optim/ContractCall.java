package dev.textopt.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One model call whose reply must satisfy a {@link ReplyContract}, with the single re-ask when it does
 * not: the step's update of a parameter, a forward item, a judge's score, a backward call's feedback.
 * The client is looked up when the call runs, so a client removed from the configuration since the
 * request was checked fails the call as {@link ModelCallException.NotConfigured}. Every completion's
 * usage, a failed one's included, goes to the meter as soon as it is known, so tokens are counted
 * whatever happens afterwards. Each call, the re-ask too, is made only while the {@link Allowance} of
 * what it belongs to (a step, a pass) is not used up; and a reply that could not be stored as the model
 * wrote it (see {@link StorableText}) fails the call, not the service.
 *
 * @param <T> what a usable reply yields
 */
public final class ContractCall<T> {

    /**
     * A usable reply: what it yields, the model that answered (as the provider named it, else the requested
     * {@code model} argument; may be null) and what this call cost, the re-ask included.
     */
    public record Answer<T>(T value, String model, Usage usage) {
        public Answer {
            Objects.requireNonNull(usage, "usage");
        }
    }

    private final String clientName;
    private final Map<String, Object> completionArgs;
    private final List<ChatMessage> messages;
    private final ReplyContract<T> contract;
    private final ModelClients clients;
    private final PriceTable prices;
    private final UsageMeter meter;
    private final Allowance allowance;

    public ContractCall(String clientName, Map<String, Object> completionArgs, List<ChatMessage> messages,
                        ReplyContract<T> contract, ModelClients clients, PriceTable prices, UsageMeter meter,
                        Allowance allowance) {
        this.clientName = Objects.requireNonNull(clientName, "clientName");
        this.completionArgs = Objects.requireNonNull(completionArgs, "completionArgs");
        this.messages = List.copyOf(messages);
        this.contract = Objects.requireNonNull(contract, "contract");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.allowance = Objects.requireNonNull(allowance, "allowance");
    }

    /** The usable reply; throws a {@link ModelCallException} when there is none. */
    public Answer<T> run() {
        ModelClient client = clients.find(clientName)
                .orElseThrow(() -> new ModelCallException.NotConfigured("model client \"" + clientName + "\" is no longer configured"));
        Optional<String> missing = client.missingConfiguration();
        if (missing.isPresent()) {
            throw new ModelCallException.NotConfigured("model client \"" + clientName + "\" cannot be called: " + missing.get());
        }
        Completion first = call(client, messages);
        Optional<T> value = contract.read(first.text());
        if (value.isPresent()) {
            return answer(value.get(), first, usageOf(first));
        }
        List<ChatMessage> reAsk = new ArrayList<>(messages);
        reAsk.add(ChatMessage.assistant(first.text()));
        reAsk.add(ChatMessage.user(contract.correction(first.text())));
        Completion second = call(client, reAsk);
        T secondValue = contract.read(second.text()).orElseThrow(() -> new ModelCallException.UnusableReply(
                "the model answered twice without " + contract.expected(), first.usage().plus(second.usage())));
        return answer(secondValue, second, usageOf(first).plus(usageOf(second)));
    }

    private Answer<T> answer(T value, Completion last, Usage usage) {
        StorableText.problem(last.text()).ifPresent(problem -> {
            throw new ModelCallException.UnusableReply("the model's reply " + problem, usage.tokens());
        });
        return new Answer<>(value, modelOf(last), usage);
    }

    private Completion call(ModelClient client, List<ChatMessage> conversation) {
        if (allowance.reachedBy(meter.snapshot())) {
            throw new ModelCallException.BudgetReached("the session's budget was reached before this call, so it was not made");
        }
        try {
            Completion completion = client.complete(conversation, completionArgs);
            meter.add(clientName, usageOf(completion));
            return completion;
        } catch (ModelCallException e) {
            meter.add(clientName, prices.usageOf(requestedModel(), e.usage()));
            throw e;
        }
    }

    private Usage usageOf(Completion completion) {
        return prices.usageOf(modelOf(completion), completion.usage());
    }

    private String modelOf(Completion completion) {
        return completion.model() != null ? completion.model() : requestedModel();
    }

    private String requestedModel() {
        return completionArgs.get("model") instanceof String m ? m : null;
    }
}
