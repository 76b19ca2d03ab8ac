package dev.textopt.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sums one step's usage per client while its calls run concurrently. Callers register each client (with
 * {@link Usage#NONE}) before the calls start, in parameter order, so the result's order does not depend
 * on which call finished first.
 */
final class UsageMeter {

    private final Map<String, Usage> byClient = new LinkedHashMap<>();

    UsageMeter() {
    }

    synchronized void add(String clientName, Usage usage) {
        byClient.merge(clientName, usage, Usage::plus);
    }

    synchronized Map<String, Usage> snapshot() {
        return new LinkedHashMap<>(byClient);
    }
}
