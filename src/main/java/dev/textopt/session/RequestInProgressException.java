package dev.textopt.session;

/**
 * The step an earlier request with the same {@code Idempotency-Key} started is still running: the retry
 * gets its outcome once it has finished, or runs the step anew if it is abandoned (its instance died). Or
 * another attempt took the key over while this one ran, and answers it.
 */
public class RequestInProgressException extends RuntimeException {

    public RequestInProgressException(int stepNumber) {
        this("the step this Idempotency-Key started (entry " + stepNumber + ") is still running; retry in a moment");
    }

    public RequestInProgressException(String message) {
        super(message);
    }
}
