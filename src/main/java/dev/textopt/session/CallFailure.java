package dev.textopt.session;

import dev.textopt.optim.ModelCallException;

/**
 * Why one call of a forward, evaluate or backward request failed, and which item it was for: the input
 * item's {@code index} (forward), the trace (evaluate, backward) and the parameter (backward). The
 * reasons are a step's ({@code rate_limited}, {@code timeout}, {@code provider_error},
 * {@code unusable_reply}, {@code not_configured}, {@code budget}) and {@code evaluator_failed}.
 */
public record CallFailure(Integer index, String traceId, String paramId, String reason, String detail, Integer providerStatus) {

    /** A failed model call, named as a step names it. */
    static CallFailure of(Integer index, String traceId, String paramId, ModelCallException cause) {
        var named = StepRecord.StepFailure.of(paramId, cause);
        return new CallFailure(index, traceId, paramId, named.reason(), named.detail(), named.providerStatus());
    }

    boolean budget() {
        return "budget".equals(reason);
    }
}
