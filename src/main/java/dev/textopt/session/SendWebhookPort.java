package dev.textopt.session;

import java.net.URI;
import java.util.Map;

/** POSTs one signed delivery; answers the receiver's status, or throws {@link SendFailedException} when none came. */
public interface SendWebhookPort {

    int send(URI url, Map<String, String> headers, String body);

    class SendFailedException extends RuntimeException {
        public SendFailedException(String message) {
            super(message);
        }
    }
}
