package dev.textopt.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits that keep one tenant or one request from taking the service over. */
@ConfigurationProperties("textopt.limits")
public record LimitsProperties(
        @DefaultValue("1000") int maxParamsPerSession,
        @DefaultValue("1000") int maxGradsPerParam,
        @DefaultValue("100000") int maxTextLength,
        @DefaultValue("10000") int maxSessionsPerTenant,
        @DefaultValue("16") int maxStepsInFlightPerTenant,
        @DefaultValue("256") int maxBatchSize) {
}
