package dev.textopt.session;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Forward stores its traces; evaluate stores a score on each. In the caller's transaction. */
public interface SaveTracePort {

    void insert(List<StoredTrace> traces);

    /** Stores each trace's evaluation, replacing an earlier one. */
    void evaluate(Map<UUID, StoredTrace.TraceEvaluation> evaluations);
}
