package dev.textopt.optim;

import java.time.Duration;

/**
 * Why a model call failed, as a closed set the step can report per parameter. Adapters throw these
 * after their own retries are spent; the core never retries except for the one re-ask of an
 * {@link UnusableReply}.
 *
 * <p>{@code usage} is what the failed attempt(s) still cost, so that spent tokens are always counted.
 */
public abstract sealed class ModelCallException extends RuntimeException {

    private final TokenUsage usage;

    private ModelCallException(String message, TokenUsage usage) {
        super(message, null, false, false);
        this.usage = usage == null ? TokenUsage.NONE : usage;
    }

    public TokenUsage usage() {
        return usage;
    }

    /** The provider said 429 and kept saying it. {@code retryAfter} may be null. */
    public static final class RateLimited extends ModelCallException {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter) {
            super(message, TokenUsage.NONE);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The call outlived its time limit. */
    public static final class Timeout extends ModelCallException {
        public Timeout(String message) {
            super(message, TokenUsage.NONE);
        }
    }

    /** The provider answered an error (status may be null for a connection failure). */
    public static final class ProviderError extends ModelCallException {
        private final Integer status;

        public ProviderError(String message, Integer status) {
            super(message, TokenUsage.NONE);
            this.status = status;
        }

        public Integer status() {
            return status;
        }
    }

    /**
     * The model answered, but not in the output contract (e.g. no {@code <IMPROVED_VARIABLE>}, no usable
     * {@code <SCORE>}, no {@code <FEEDBACK>}), even after the re-ask.
     */
    public static final class UnusableReply extends ModelCallException {
        public UnusableReply(String message, TokenUsage usage) {
            super(message, usage);
        }
    }

    /** The session's budget was reached before this call, which was therefore not made. */
    public static final class BudgetReached extends ModelCallException {
        public BudgetReached(String message) {
            super(message, TokenUsage.NONE);
        }
    }

    /** The client cannot be used as configured (for instance it has no API key). */
    public static final class NotConfigured extends ModelCallException {
        public NotConfigured(String message) {
            super(message, TokenUsage.NONE);
        }
    }
}
