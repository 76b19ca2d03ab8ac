package dev.textopt.session;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Each webhook's signing secret, derived rather than stored, so that no secret reaches the database:
 * {@code whsec_} + base64(HMAC-SHA256(master signing key, webhook id)). The id is a random UUID, never reused,
 * so no two webhooks share a secret. Rotating the master key changes every webhook's secret at once.
 */
@Component
class WebhookSecrets {

    static final String ENV = "TEXTOPT_WEBHOOKS_SIGNINGKEY";

    private final byte[] masterKey;

    WebhookSecrets(WebhookSettings settings) {
        this.masterKey = settings.signingKey() == null ? null : settings.signingKey().getBytes(StandardCharsets.UTF_8);
    }

    /** The secret of webhook {@code id}; throws {@link WebhooksNotConfiguredException} without a master key. */
    String of(UUID id) {
        if (masterKey == null) {
            throw new WebhooksNotConfiguredException();
        }
        return WebhookSignature.PREFIX + Base64.getEncoder().encodeToString(WebhookSignature.hmac(masterKey, id.toString()));
    }
}
