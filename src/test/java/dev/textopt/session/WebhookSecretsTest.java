package dev.textopt.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhook secrets are derived from the master key and the webhook id: stable, distinct, and only with a key. */
class WebhookSecretsTest {

    private static final String KEY = "a-master-key-of-at-least-32-bytes-0123";

    private static WebhookSecrets secrets(String key) {
        return new WebhookSecrets(new WebhookSettings(null, null, null, null, null, key, null));
    }

    @Test
    void aWebhooksSecretIsTheSameEveryTimeAndDiffersByIdAndByMasterKey() {
        UUID id = UUID.randomUUID();
        String secret = secrets(KEY).of(id);
        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 44); // base64 of 32 bytes
        assertThat(secrets(KEY).of(id)).isEqualTo(secret);
        assertThat(secrets(KEY).of(UUID.randomUUID())).isNotEqualTo(secret);
        assertThat(secrets(KEY + "-rotated").of(id)).as("a rotated master key changes every secret").isNotEqualTo(secret);
    }

    @Test
    void withoutAMasterKeyNoSecretIsDerivedAndTheProblemNamesTheVariable() {
        assertThatThrownBy(() -> secrets(null).of(UUID.randomUUID())).isInstanceOf(WebhooksNotConfiguredException.class)
                .hasMessageContaining("TEXTOPT_WEBHOOKS_SIGNINGKEY");
        assertThatThrownBy(() -> secrets(" ").of(UUID.randomUUID())).isInstanceOf(WebhooksNotConfiguredException.class);
    }

    @Test
    void aShortMasterKeyStopsTheStartWithoutShowingIt() {
        assertThatThrownBy(() -> secrets("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining("too-short");
        assertThat(new WebhookSettings(null, null, null, null, null, KEY, null).toString()).doesNotContain(KEY);
    }
}
