package dev.textopt.session;

import dev.textopt.optim.Usage;
import java.util.List;
import java.util.Map;

/** What a forward request stored: a trace per input item, in input order, and what its calls cost per client. */
public record ForwardOutcome(List<StoredTrace> traces, Map<String, Usage> usage) {

    public ForwardOutcome {
        traces = List.copyOf(traces);
    }
}
