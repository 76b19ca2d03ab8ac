package dev.textopt.session;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's webhooks: registered (its URL through the same allow-list and SSRF guard as closures), listed,
 * read, deleted, and their delivery logs. The secret is answered once, when the webhook is created; it is derived
 * from the webhook's id ({@link WebhookSecrets}), never stored.
 */
@Service
public class WebhookService {

    /** A webhook just created, with the secret that signs its deliveries, shown this once. */
    public record Created(Webhook webhook, String secret) {

        @Override
        public String toString() {
            return "Created[" + webhook + "]"; // never the secret
        }
    }

    private final StoreWebhooksPort webhooks;
    private final ClosurePolicy policy;
    private final WebhookSecrets secrets;
    private final TenantContext tenants;
    private final Clock clock;

    WebhookService(StoreWebhooksPort webhooks, ClosurePolicy policy, WebhookSecrets secrets, TenantContext tenants, Clock clock) {
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.policy = policy;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional
    public Created create(NewWebhook request) {
        var webhook = new Webhook(UUID.randomUUID(), policy.check(request.url(), "url"), request.events(), request.description(),
                clock.instant());
        String secret = secrets.of(webhook.id()); // first: without a master key nothing is stored
        webhooks.create(tenants.current(), webhook);
        return new Created(webhook, secret);
    }

    /**
     * The secret of the webhook {@code id}, for the replay of the answer that created it (an Idempotency-Key
     * keeps that answer without it); the same one its deliveries are signed with.
     */
    public String secretOf(UUID id) {
        return secrets.of(id);
    }

    @Transactional(readOnly = true)
    public PageOf<Webhook> list(int page, int size) {
        return webhooks.page(tenants.current(), page, size);
    }

    @Transactional(readOnly = true)
    public Webhook get(UUID id) {
        return webhooks.find(tenants.current(), id).orElseThrow(() -> new WebhookNotFoundException(id));
    }

    @Transactional
    public void delete(UUID id) {
        if (!webhooks.delete(tenants.current(), id)) {
            throw new WebhookNotFoundException(id);
        }
    }

    @Transactional(readOnly = true)
    public PageOf<WebhookDelivery> deliveries(UUID id, int page, int size) {
        get(id);
        return webhooks.deliveries(tenants.current(), id, page, size);
    }
}
