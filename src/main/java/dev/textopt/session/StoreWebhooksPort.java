package dev.textopt.session;

import java.util.Optional;
import java.util.UUID;

/** A tenant's webhooks and their delivery logs; each method finds only the named tenant's. */
public interface StoreWebhooksPort {

    /** Stores a webhook; its secret is not stored but derived ({@link WebhookSecrets}). */
    void create(String tenant, Webhook webhook);

    Optional<Webhook> find(String tenant, UUID id);

    PageOf<Webhook> page(String tenant, int page, int size);

    /** Deletes the webhook and its deliveries, delivered or not. */
    boolean delete(String tenant, UUID id);

    /** The webhook's deliveries, newest event first. */
    PageOf<WebhookDelivery> deliveries(String tenant, UUID id, int page, int size);
}
