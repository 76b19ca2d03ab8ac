package dev.textopt.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the webhook outbox, at least once: claims due deliveries in one short transaction (a claim lasts
 * the send timeout and a minute, so a delivery whose instance died is claimed again by another), sends each
 * signed with no transaction held, and records the answer: a 2xx delivers it; anything else is tried again
 * with exponential backoff until {@code retry-for} after the event. The URL is checked against the allow-list
 * again before every attempt (the list may have changed, and a name may resolve elsewhere now). An instance
 * with {@code textopt.webhooks.dispatch=false} claims nothing.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;

    private final DeliverWebhooksPort outbox;
    private final SendWebhookPort sender;
    private final WebhookSecrets secrets;
    private final ClosurePolicy policy;
    private final WebhookSettings settings;
    private final EventSettings events;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebhookDispatcher(DeliverWebhooksPort outbox, SendWebhookPort sender, WebhookSecrets secrets, ClosurePolicy policy,
            WebhookSettings settings, EventSettings events, TransactionTemplate tx, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.secrets = secrets;
        this.policy = policy;
        this.settings = settings;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${textopt.webhooks.poll-interval:1s}")
    void deliverDue() {
        if (!settings.dispatch()) {
            return;
        }
        Instant now = clock.instant();
        var due = tx.execute(s -> outbox.claim(now, now.plus(settings.timeout()).plusSeconds(60), BATCH));
        for (DeliverWebhooksPort.Due delivery : due == null ? List.<DeliverWebhooksPort.Due>of() : due) {
            attempt(delivery);
        }
    }

    private void attempt(DeliverWebhooksPort.Due delivery) {
        Integer status = null;
        String error;
        try {
            policy.check(delivery.url().toString(), "url");
            var headers = WebhookSignature.headers(secrets.of(delivery.webhookId()), delivery.messageId(), clock.instant().getEpochSecond(),
                    delivery.payload());
            status = sender.send(delivery.url(), headers, delivery.payload());
            if (status >= 200 && status < 300) {
                int answered = status;
                tx.executeWithoutResult(s -> outbox.delivered(delivery.id(), answered, clock.instant()));
                return;
            }
            error = "the receiver answered " + status;
        } catch (BadRequestException | SendWebhookPort.SendFailedException | WebhooksNotConfiguredException e) {
            error = e.getMessage();
        }
        Instant now = clock.instant();
        Instant next = now.plus(settings.retryAfter(delivery.attempt()));
        boolean givenUp = next.isAfter(delivery.createdAt().plus(settings.retryFor()));
        Integer answered = status;
        String why = error;
        tx.executeWithoutResult(s -> outbox.failed(delivery.id(), answered, why, givenUp ? null : next));
        log.debug("Webhook delivery {} attempt {} failed ({}){}", delivery.id(), delivery.attempt(), why, givenUp ? "; given up" : "");
    }

    @Scheduled(fixedDelayString = "${textopt.events.cleanup-interval:1h}")
    void deleteEnded() {
        tx.executeWithoutResult(s -> outbox.deleteEndedBefore(clock.instant().minus(events.retention())));
    }
}
