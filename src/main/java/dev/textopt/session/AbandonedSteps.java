package dev.textopt.session;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steps that an instance left {@code running} when it died, and whose lease has run out, are marked failed
 * (reason {@code abandoned}): on start-up, at every step's start and while a run waits for a step its dead
 * instance left. Nothing of them was applied: a step applies in one transaction or not at all. Each ends
 * with a {@code step.failed} event, as a step that fails while its instance lives does: a client that follows
 * the session's events saw it start and would otherwise wait for its end forever.
 */
@Component
class AbandonedSteps {

    private static final Logger log = LoggerFactory.getLogger(AbandonedSteps.class);

    private final RecordHistoryPort history;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EventLog events;

    AbandonedSteps(RecordHistoryPort history, TransactionTemplate tx, Clock clock, EventLog events) {
        this.history = history;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    /** Marks every abandoned step failed, in a transaction of its own. */
    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        tx.executeWithoutResult(s -> failed(history.failAbandonedSteps(clock.instant())));
    }

    /** The steps a sweep marked failed, inside its transaction: their events commit with it, or not at all. */
    void failed(List<RecordHistoryPort.AbandonedStep> abandoned) {
        for (var step : abandoned) {
            events.stepFailed(step.sessionId(), step.number(), step.failures());
            log.warn("Failing step {} of session {}: the instance running it stopped and its lease ran out; nothing of it was applied",
                    step.number(), step.sessionId());
        }
    }
}
