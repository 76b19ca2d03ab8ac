package dev.textopt.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sums a batch's usage per client while its calls run concurrently (a step, a forward pass, a judge, a
 * backward pass). Callers {@link #register} each client before the calls start, in the order of their
 * calls, so the result's order does not depend on which call finished first.
 */
public final class UsageMeter {

    private final Map<String, Usage> byClient = new LinkedHashMap<>();

    public UsageMeter() {
    }

    /** Gives the client its place in the result, with {@link Usage#NONE} until its calls add to it. */
    public void register(String clientName) {
        add(clientName, Usage.NONE);
    }

    public synchronized void add(String clientName, Usage usage) {
        byClient.merge(clientName, usage, Usage::plus);
    }

    /** The usage so far per client, in registration order; a copy. */
    public synchronized Map<String, Usage> snapshot() {
        return new LinkedHashMap<>(byClient);
    }
}
