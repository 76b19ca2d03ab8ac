package dev.textopt.session;

import dev.textopt.config.ClosureProperties;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Which closure URLs a step may call: http(s) only, and only to hosts the operator allowed. */
@Component
public class ClosurePolicy {

    private final Set<String> allowedHosts;

    ClosurePolicy(ClosureProperties properties) {
        this.allowedHosts = properties.allowedHosts().stream().map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Returns the URL if a closure may call it; otherwise a 400 that says what to change. */
    public URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("closure.url", "closure.url is not a valid URL: " + url);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new BadRequestException("closure.url", "closure.url must be an absolute http or https URL");
        }
        if (allowedHosts.isEmpty()) {
            throw new BadRequestException("closure.url", "closures are off: the operator has allowed no host "
                    + "(textopt.closure.allowed-hosts / TEXTOPT_CLOSURE_ALLOWED_HOSTS)");
        }
        if (!allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new BadRequestException("closure.url", "closure host \"" + uri.getHost() + "\" is not allowed; allowed hosts: "
                    + allowedHosts.stream().sorted().toList() + " (textopt.closure.allowed-hosts)");
        }
        return uri;
    }
}
