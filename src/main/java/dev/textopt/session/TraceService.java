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

    private final SessionStore sessions;
    private final TraceStore traces;
    private final Clock clock;

    TraceService(SessionStore sessions, TraceStore traces, Clock clock) {
        this.sessions = sessions;
        this.traces = traces;
        this.clock = clock;
    }

    /** The trace, if the tenant's session has it and it has not expired. */
    @Transactional(readOnly = true)
    public StoredTrace get(UUID sessionId, UUID traceId) {
        if (!sessions.exists(sessionId)) {
            throw new SessionNotFoundException(sessionId);
        }
        StoredTrace trace = traces.find(sessionId, List.of(traceId), clock.instant()).get(traceId);
        if (trace == null) {
            throw new TraceNotFoundException(sessionId, traceId);
        }
        return trace;
    }

    @Scheduled(fixedDelayString = "${textopt.training.trace-cleanup-interval:1h}")
    @Transactional
    public void deleteExpired() {
        int deleted = traces.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.debug("Deleted {} expired traces", deleted);
        }
    }
}
