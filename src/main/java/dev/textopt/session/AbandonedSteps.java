package dev.textopt.session;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On start-up, steps that an instance left {@code running} when it died, and whose lease has run out,
 * are marked failed. Nothing of them was applied: a step applies in one transaction or not at all.
 */
@Component
class AbandonedSteps {

    private static final Logger log = LoggerFactory.getLogger(AbandonedSteps.class);

    private final RecordHistoryPort history;
    private final TransactionTemplate tx;
    private final Clock clock;

    AbandonedSteps(RecordHistoryPort history, TransactionTemplate tx, Clock clock) {
        this.history = history;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandoned() {
        Integer failed = tx.execute(s -> history.failAbandonedSteps(clock.instant()));
        if (failed != null && failed > 0) {
            log.warn("Marked {} step(s) left running by a stopped instance as failed; nothing of them was applied", failed);
        }
    }
}
