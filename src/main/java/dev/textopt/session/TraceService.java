package dev.textopt.session;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading a trace, and sweeping away the expired ones, which no request sees any more. */
@Service
public class TraceService {

    private static final Logger log = LoggerFactory.getLogger(TraceService.class);

    private final LoadSessionPort sessions;
    private final LoadTracePort traces;
    private final DeleteExpiredTracesPort expiry;
    private final Clock clock;

    TraceService(LoadSessionPort sessions, LoadTracePort traces, DeleteExpiredTracesPort expiry, Clock clock) {
        this.sessions = sessions;
        this.traces = traces;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** The trace, if the tenant's session has it and it has not expired; which of the two is missing is asked only when one is. */
    @Transactional(readOnly = true)
    public StoredTrace get(UUID sessionId, UUID traceId) {
        StoredTrace trace = traces.find(sessionId, List.of(traceId), clock.instant()).get(traceId);
        if (trace == null) {
            throw sessions.find(sessionId).isPresent() ? new TraceNotFoundException(sessionId, traceId) : new SessionNotFoundException(sessionId);
        }
        return trace;
    }

    @Scheduled(fixedDelayString = "${textopt.training.trace-cleanup-interval:1h}")
    @Transactional
    public void deleteExpired() {
        int deleted = expiry.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.debug("Deleted {} expired traces", deleted);
        }
    }
}
