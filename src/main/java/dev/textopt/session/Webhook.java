package dev.textopt.session;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A tenant's webhook as it is shown: where events go and which; never its secret. */
public record Webhook(UUID id, URI url, List<EventType> events, String description, Instant createdAt) {

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        events = List.copyOf(events);
    }
}
