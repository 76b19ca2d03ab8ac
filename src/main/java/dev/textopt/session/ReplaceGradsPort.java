package dev.textopt.session;

import dev.textopt.optim.Gradient;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A step's closure supplied fresh gradients: they replace the parameter's grad in a transaction of their own. */
public interface ReplaceGradsPort {

    /**
     * Each parameter's grad becomes the one given; gradients appended after this stay after them. The
     * session row is locked first, as an append locks it, and the session gets a new version: its reads
     * show other grads now (a 304 must not answer them), and an append running at the same time counts
     * against the grad limit what this left.
     */
    void replaceGrads(UUID sessionId, Map<UUID, List<Gradient>> gradsByParam);
}
