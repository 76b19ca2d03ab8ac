package dev.textopt.adapter.web;

import dev.textopt.session.ApiKeyLookup;
import dev.textopt.session.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * The configured API keys, kept only as SHA-256 hashes, and the tenant each one acts for. A presented
 * key is hashed and compared with every stored hash in constant time, so timing tells nothing. Spring
 * Security's bearer-token filter asks it as an {@link OpaqueTokenIntrospector}; the web view's sign-in
 * asks through {@link ApiKeyLookup}.
 */
@Component
class ApiKeys implements ApiKeyLookup, OpaqueTokenIntrospector {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    /** What RFC 6750 allows in a bearer token; any other key could never be sent. */
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

    private record Entry(String tenant, byte[] keyHash) {
    }

    private final List<Entry> entries = new ArrayList<>();

    ApiKeys(SecurityProperties properties) {
        for (String item : properties.apiKeys()) {
            String trimmed = item.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalStateException("textopt.security.api-keys entries must be tenant:key; one entry is not "
                        + "(its value is not shown)");
            }
            String key = trimmed.substring(colon + 1);
            if (!TOKEN68.matcher(key).matches()) {
                throw new IllegalStateException("the API key of tenant " + trimmed.substring(0, colon) + " has characters a "
                        + "bearer token cannot carry; use letters, digits and - . _ ~ + / only (its value is not shown)");
            }
            entries.add(new Entry(trimmed.substring(0, colon), sha256(key)));
        }
        if (entries.isEmpty()) {
            log.warn("No API keys configured (TEXTOPT_SECURITY_API_KEYS): single-user mode, every caller is tenant \"{}\", "
                    + "on the API and in the web view, without signing in. Fine on your laptop; set keys before anyone "
                    + "else can reach this port.", TenantContext.SINGLE_USER);
        } else {
            log.info("API keys on: {} key(s) for {} tenant(s)", entries.size(), entries.stream().map(Entry::tenant).distinct().count());
        }
    }

    @Override
    public boolean enabled() {
        return !entries.isEmpty();
    }

    @Override
    public Optional<String> tenantFor(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        String found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.keyHash(), presented) && found == null) {
                found = entry.tenant();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The principal of a bearer key: named after its tenant, and holding nothing of the key. */
    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        String tenant = tenantFor(token).orElseThrow(() ->
                new BadOpaqueTokenException("the API key is not valid; check it, or ask the operator for one"));
        return new DefaultOAuth2AuthenticatedPrincipal(tenant, Map.of("tenant", tenant),
                AuthorityUtils.createAuthorityList("ROLE_TENANT"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
