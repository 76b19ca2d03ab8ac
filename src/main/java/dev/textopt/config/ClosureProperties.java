package dev.textopt.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Closures call out of textopt, so an operator names the hosts they may reach. Empty (the default)
 * turns closures off.
 */
@ConfigurationProperties("textopt.closure")
public record ClosureProperties(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("1MB") org.springframework.util.unit.DataSize maxResponseSize) {
}
