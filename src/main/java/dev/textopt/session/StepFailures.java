package dev.textopt.session;

import dev.textopt.optim.ModelCallException;
import dev.textopt.session.StepRecord.StepFailure;

/** Why a parameter's update failed, as the history and the API name it: a reason, a detail, the provider's status. */
final class StepFailures {

    private StepFailures() {
    }

    static StepFailure of(String paramId, ModelCallException cause) {
        String reason;
        if (cause instanceof ModelCallException.RateLimited) {
            reason = "rate_limited";
        } else if (cause instanceof ModelCallException.Timeout) {
            reason = "timeout";
        } else if (cause instanceof ModelCallException.UnusableReply) {
            reason = "unusable_reply";
        } else if (cause instanceof ModelCallException.NotConfigured) {
            reason = "not_configured";
        } else if (cause instanceof ModelCallException.BudgetReached) {
            reason = "budget";
        } else {
            reason = "provider_error";
        }
        Integer status = cause instanceof ModelCallException.ProviderError p ? p.status()
                : cause instanceof ModelCallException.RateLimited ? Integer.valueOf(429) : null;
        return new StepFailure(paramId, reason, cause.getMessage(), status);
    }
}
