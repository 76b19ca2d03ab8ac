package dev.textopt.session;

import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a step leaves behind, in the transaction that ends it: new values and momentum, and what it cost. The
 * values and a run's clear_grad may be written only as the transaction commits (nothing in it reads them back).
 */
public interface ApplyStepPort {

    /** A succeeded step's new values and momentum buffers, for the same parameters, written as the transaction commits. */
    void setParamValuesAndMomentum(Map<UUID, String> dataById, Map<UUID, List<MomentumEntry>> buffers);

    /**
     * What model calls used: added to the session's usage and, for calls whose cost is known, to what it
     * has spent (the figure its budget is checked against). Usage is part of what a read of the session
     * shows, so the session gets a new version too: no 304 may answer a read after it with the usage
     * before it, also when the step that spent it lost its lease and releases nothing. A step of a training run
     * ({@code run}, null: none) counts it on the run too, in the same statement.
     */
    void addUsage(UUID sessionId, Map<String, Usage> usage, UUID run);

    /**
     * {@link #addUsage} for a request of the tenant's (forward, evaluate, backward), with the session's row
     * lock held to the end of the transaction and {@code updatedAt} set: false, and nothing written, if the
     * tenant has no session by that id. One UPDATE of the row, where a lock of it and then the usage were two.
     * An operation of a training run ({@code run}, null: none) counts it on the run too, in the same statement,
     * which reads the run's cancel flag on the way: empty if there is no such session, else the run's cancel flag
     * (false without a run).
     */
    Optional<Boolean> addOwnUsage(UUID sessionId, Instant updatedAt, Map<String, Usage> usage, UUID run);

    /** Every gradient of the session's parameters deleted as the transaction commits: a training run's clear_grad, in its step's. */
    void clearGrads(UUID sessionId);
}
