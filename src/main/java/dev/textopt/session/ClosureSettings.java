package dev.textopt.session;

import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * Closures ({@code textopt.closure}) call out of textopt, so an operator names the hosts they may reach;
 * none (the default) turns closures off. A closure answers within {@code timeout} (default 30s) and in
 * at most {@code maxResponseSize} (default 1MB).
 */
public record ClosureSettings(List<String> allowedHosts, Duration timeout, DataSize maxResponseSize) {

    public ClosureSettings {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxResponseSize = maxResponseSize == null ? DataSize.ofMegabytes(1) : maxResponseSize;
    }
}
