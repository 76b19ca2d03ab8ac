package dev.textopt.session;

/**
 * Limits that keep one tenant or one request from taking the service over ({@code textopt.limits}).
 * Null means the default.
 */
public record LimitSettings(
        Integer maxParamsPerSession,
        Integer maxGradsPerParam,
        Integer maxTextLength,
        Integer maxSessionsPerTenant,
        Integer maxStepsInFlightPerTenant,
        Integer maxBatchSize,
        Integer maxEpochs,
        Integer maxDatasetSize) {

    public LimitSettings {
        maxParamsPerSession = positive(maxParamsPerSession, 1000, "max-params-per-session");
        maxGradsPerParam = positive(maxGradsPerParam, 1000, "max-grads-per-param");
        maxTextLength = positive(maxTextLength, 100_000, "max-text-length");
        maxSessionsPerTenant = positive(maxSessionsPerTenant, 10_000, "max-sessions-per-tenant");
        maxStepsInFlightPerTenant = positive(maxStepsInFlightPerTenant, 16, "max-steps-in-flight-per-tenant");
        maxBatchSize = positive(maxBatchSize, 256, "max-batch-size");
        maxEpochs = positive(maxEpochs, 100, "max-epochs");
        maxDatasetSize = positive(maxDatasetSize, 10_000, "max-dataset-size");
    }

    private static int positive(Integer value, int byDefault, String name) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException("textopt.limits." + name + " must be at least 1");
        }
        return value == null ? byDefault : value;
    }
}
