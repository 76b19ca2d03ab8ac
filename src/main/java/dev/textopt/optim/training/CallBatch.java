package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.ConcurrentCalls;
import dev.textopt.optim.ContractCall;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.ReplyContract;
import dev.textopt.optim.Usage;
import dev.textopt.optim.UsageMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The calls of one pass, planned first and then run all at once. Each call's client is registered with
 * the meter as it is planned, so the usage map lists clients in call order whichever call ends first.
 */
final class CallBatch<T> {

    private final ModelCalls calls;
    private final UsageMeter meter = new UsageMeter();
    private final List<ContractCall<T>> planned = new ArrayList<>();

    CallBatch(ModelCalls calls) {
        this.calls = calls;
    }

    void add(ModelRole model, List<ChatMessage> messages, ReplyContract<T> contract) {
        meter.register(model.client());
        planned.add(new ContractCall<>(model.client(), model.completionArgs(), messages, contract,
                calls.clients(), calls.prices(), meter, calls.allowance()));
    }

    /**
     * Runs every call at once and then, on this thread and in the order the calls were added, hands each
     * one's answer to {@code answered} or its failure to {@code failed}.
     */
    void runAll(BiConsumer<Integer, ContractCall.Answer<T>> answered, BiConsumer<Integer, ModelCallException> failed) {
        List<Supplier<ContractCall.Answer<T>>> runs = planned.stream().map(call -> (Supplier<ContractCall.Answer<T>>) call::run).toList();
        List<ConcurrentCalls.Outcome<ContractCall.Answer<T>>> outcomes =
                new ConcurrentCalls(calls.maxConcurrentCalls(), calls.executor()).runAll(runs);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).ok()) {
                answered.accept(i, outcomes.get(i).value());
            } else {
                failed.accept(i, outcomes.get(i).failure());
            }
        }
    }

    /** Usage per client of every call made so far, failed ones included. */
    Map<String, Usage> usage() {
        return meter.snapshot();
    }
}
