package dev.textopt.session;

import java.util.UUID;

public class WebhookNotFoundException extends RuntimeException {

    public WebhookNotFoundException(UUID id) {
        super("no webhook " + id);
    }
}
