package dev.textopt.session;

import java.util.Optional;

/** Which tenant an API key acts for; the web adapter holds the keys, the web view asks through this. */
public interface ApiKeyLookup {

    /** False in single-user mode, when no keys are configured. */
    boolean enabled();

    Optional<String> tenantFor(String presentedKey);
}
