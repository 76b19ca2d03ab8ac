package dev.textopt.optim.training;

/**
 * An external ({@code http}) evaluator gave no usable answer: unreachable, an error status, a body that is
 * not {@code {"results": [...]}}, a result count that differs from the items', or a score outside [0, 1].
 * The session reports it with reason {@code evaluator_failed}; nothing is stored.
 */
public class EvaluatorFailedException extends RuntimeException {

    public EvaluatorFailedException(String message) {
        super(message);
    }

    public EvaluatorFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
