package dev.textopt.session;

import dev.textopt.optim.Gradient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Appending gradients, allowed while a step runs: the busiest write of all (BENCHMARKS.md, appends). */
public interface AppendGradsPort {

    /**
     * Counts a change to the tenant's session, if it has one by that id (false if not), and holds the
     * session row's lock until the transaction ends: appends to one session take turns, so a grad read
     * after it is complete, its limit exact, and the order of the grads the order of the appends.
     */
    boolean touchOwn(UUID sessionId, Instant now);

    /** After the parameter's grad, in the order given. */
    void appendGrads(UUID paramId, List<Gradient> grads);
}
