package dev.textopt.session;

/**
 * A tenant is at one of its limits: too many sessions (free some by deleting) or too many steps
 * running at once ({@code retryable}: wait for one to finish).
 */
public class QuotaExceededException extends RuntimeException {

    private final boolean retryable;

    public QuotaExceededException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
