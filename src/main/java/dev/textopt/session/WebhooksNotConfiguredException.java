package dev.textopt.session;

/** No webhook secret can be derived: the operator has not set the master signing key. */
public class WebhooksNotConfiguredException extends RuntimeException {

    public WebhooksNotConfiguredException() {
        super("webhooks are not configured on this server: the operator must set " + WebhookSecrets.ENV
                + " (textopt.webhooks.signing-key, at least " + WebhookSettings.MIN_SIGNING_KEY_BYTES + " bytes) and restart");
    }
}
