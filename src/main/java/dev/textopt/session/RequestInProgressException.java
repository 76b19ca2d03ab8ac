package dev.textopt.session;

/**
 * The step an earlier request with the same {@code Idempotency-Key} started is still running: the retry
 * gets its outcome once it has finished, or runs the step anew if it is abandoned (its instance died).
 */
public class RequestInProgressException extends RuntimeException {

    public RequestInProgressException(int stepNumber) {
        super("the step this Idempotency-Key started (entry " + stepNumber + ") is still running; retry in a moment");
    }
}
