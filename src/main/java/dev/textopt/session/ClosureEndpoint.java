package dev.textopt.session;

import dev.textopt.optim.ClosureResult;
import java.net.URI;
import java.util.Map;

/** The port to a client's evaluator: POST the parameters, get a loss and maybe fresh gradients. */
public interface ClosureEndpoint {

    /**
     * Sends {@code {"optimizer_id", "step", "params": [{id, data, role}]}} and reads
     * {@code {"score", "explanation", "grads": {param_id: [Variable, ...]}}}.
     *
     * @throws ClosureFailedException when the call fails or the answer is not of that shape
     */
    ClosureResult evaluate(URI url, Map<String, Object> payload);

    /** The closure could not be used; the message says why, for the client who owns the evaluator. */
    class ClosureFailedException extends RuntimeException {
        public ClosureFailedException(String message) {
            super(message);
        }
    }
}
