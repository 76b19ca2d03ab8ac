package dev.textopt.session;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which URLs a step's closure, an {@code http} evaluator or a webhook may call: http(s) only, only to hosts the
 * operator allowed, and — against SSRF through DNS — a name that resolves to a loopback, link-local, private or otherwise internal
 * address only if the allow-list names that address as well.
 */
@Component
public class ClosurePolicy {

    private final Set<String> allowedHosts;

    ClosurePolicy(ClosureSettings settings) {
        this.allowedHosts = settings.allowedHosts().stream().map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Returns the URL if a closure may call it; otherwise a 400 that says what to change. */
    public URI check(String url) {
        return check(url, "closure.url");
    }

    /**
     * The same for any outbound call a request names (a closure, an {@code http} evaluator): the 400 names
     * {@code field}, where the request gave the URL.
     */
    public URI check(String url, String field) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, field + " is not a valid URL: " + url);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new BadRequestException(field, field + " must be an absolute http or https URL");
        }
        if (allowedHosts.isEmpty()) {
            throw new BadRequestException(field, "closures are off (and so are http evaluators and webhooks): the operator has allowed no host "
                    + "(textopt.closure.allowed-hosts / TEXTOPT_CLOSURE_ALLOWED_HOSTS)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!allowedHosts.contains(host)) {
            throw new BadRequestException(field, "host \"" + uri.getHost() + "\" is not allowed; allowed hosts: "
                    + allowedHosts.stream().sorted().toList() + " (textopt.closure.allowed-hosts)");
        }
        for (InetAddress address : resolve(host, field)) {
            if (internal(address) && !allowedHosts.contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                throw new BadRequestException(field, "host \"" + uri.getHost() + "\" resolves to the internal address "
                        + address.getHostAddress() + "; allow that address explicitly in textopt.closure.allowed-hosts to call it");
            }
        }
        return uri;
    }

    private static InetAddress[] resolve(String host, String field) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new BadRequestException(field, "host \"" + host + "\" does not resolve");
        }
    }

    /** Loopback, link-local (cloud metadata lives there), private, unique-local, wildcard and multicast. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return uniqueLocalV6 || carrierGradeNat;
    }
}
