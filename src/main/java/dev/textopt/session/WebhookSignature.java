package dev.textopt.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (standardwebhooks.com): a secret is {@code whsec_} and 32 bytes in base64 (derived by
 * {@link WebhookSecrets});
 * a delivery carries {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature:
 * v1,<base64 HMAC-SHA256 of "id.timestamp.body" keyed with the secret's bytes>}.
 */
final class WebhookSignature {

    static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** The three headers of a delivery of {@code body}, signed with {@code secret}. */
    static Map<String, String> headers(String secret, String messageId, long timestamp, String body) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        String signature = Base64.getEncoder().encodeToString(hmac(key, messageId + "." + timestamp + "." + body));
        headers.put("webhook-signature", "v1," + signature);
        return headers;
    }

    static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
