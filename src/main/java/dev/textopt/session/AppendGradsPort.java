package dev.textopt.session;

import dev.textopt.optim.Gradient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Appending gradients, allowed while a step runs: the busiest write of all (BENCHMARKS.md, appends). */
public interface AppendGradsPort {

    /**
     * Counts a change to the tenant's session, if it has one by that id (false if not), and holds the
     * session row's lock until the transaction ends: appends to one session take turns, so a grad read
     * after it is complete, its limit exact, and the order of the grads the order of the appends.
     */
    boolean touchOwn(UUID sessionId, Instant now);

    /**
     * How many gradients each of the session's parameters among {@code paramIds} holds (0 for one with none;
     * an id the session has no parameter by is left out): with the lock {@link #touchOwn} took, the exact
     * count a limit is checked against, read without any parameter's value, momentum or gradient text.
     */
    Map<UUID, Integer> gradCounts(UUID sessionId, Collection<UUID> paramIds);

    /** After the parameter's grad, in the order given. */
    void appendGrads(UUID paramId, List<Gradient> grads);
}
