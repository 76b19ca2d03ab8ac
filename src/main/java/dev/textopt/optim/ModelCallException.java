package dev.textopt.optim;

import java.time.Duration;

/**
 * Why a model call failed, as a closed set the step can report per parameter. Adapters throw these
 * after their own retries are spent; the core never retries except for the one re-ask of an
 * {@link UnusableReply}.
 *
 * <p>{@code usage} is what the failed attempt(s) still cost, so that spent tokens are always counted.
 * {@link #reason()} is the one name of each kind of failure: the history, the API's
 * {@code failures[].reason} and the model-call metrics all use it.
 */
public abstract sealed class ModelCallException extends RuntimeException {

    private final String reason;
    private final TokenUsage usage;
    private final Integer providerStatus;

    private ModelCallException(String reason, String message, TokenUsage usage, Integer providerStatus) {
        super(message, null, false, false);
        this.reason = reason;
        this.usage = usage == null ? TokenUsage.NONE : usage;
        this.providerStatus = providerStatus;
    }

    public TokenUsage usage() {
        return usage;
    }

    /** The kind of failure as the API and the metrics name it, e.g. {@code rate_limited}. */
    public String reason() {
        return reason;
    }

    /** The provider's HTTP status, when it answered one. */
    public Integer providerStatus() {
        return providerStatus;
    }

    /** The provider said 429 and kept saying it. {@code retryAfter} may be null. */
    public static final class RateLimited extends ModelCallException {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter) {
            super("rate_limited", message, TokenUsage.NONE, 429);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The call outlived its time limit. */
    public static final class Timeout extends ModelCallException {
        public Timeout(String message) {
            super("timeout", message, TokenUsage.NONE, null);
        }
    }

    /** The provider answered an error (status null for a connection failure). */
    public static final class ProviderError extends ModelCallException {
        public ProviderError(String message, Integer status) {
            super("provider_error", message, TokenUsage.NONE, status);
        }

        public Integer status() {
            return providerStatus();
        }
    }

    /**
     * The model answered, but not in the output contract (e.g. no {@code <IMPROVED_VARIABLE>}, no usable
     * {@code <SCORE>}, no {@code <FEEDBACK>}), even after the re-ask.
     */
    public static final class UnusableReply extends ModelCallException {
        public UnusableReply(String message, TokenUsage usage) {
            super("unusable_reply", message, usage, null);
        }
    }

    /** The session's budget was reached before this call, which was therefore not made. */
    public static final class BudgetReached extends ModelCallException {
        public BudgetReached(String message) {
            super("budget", message, TokenUsage.NONE, null);
        }
    }

    /** The client cannot be used as configured (for instance it has no API key). */
    public static final class NotConfigured extends ModelCallException {
        public NotConfigured(String message) {
            super("not_configured", message, TokenUsage.NONE, null);
        }
    }
}
