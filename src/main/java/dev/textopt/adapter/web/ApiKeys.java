package dev.textopt.adapter.web;

import dev.textopt.config.SecurityProperties;
import dev.textopt.session.ApiKeyLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The configured API keys, kept only as SHA-256 hashes, and the tenant each one acts for. A presented
 * key is hashed and compared with every stored hash in constant time, so timing tells nothing.
 */
@Component
class ApiKeys implements ApiKeyLookup {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

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
            entries.add(new Entry(trimmed.substring(0, colon), sha256(trimmed.substring(colon + 1))));
        }
        if (entries.isEmpty()) {
            log.warn("No API keys configured (TEXTOPT_SECURITY_API_KEYS): single-user mode, every caller is the one "
                    + "tenant. Fine on your laptop; set keys before anyone else can reach this port.");
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

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
