package dev.textopt.session;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following a session's events: a stream opens on a session the caller may read (another tenant's is not
 * found, as for every read), within the tenant's bound of open streams, and then reads the events after the
 * last one it sent whenever any instance appended one. Old events are swept away.
 */
@Service
public class SessionEvents {

    private static final Logger log = LoggerFactory.getLogger(SessionEvents.class);
    /** Events one read sends at most; a stream reads again until it is up to date. */
    public static final int PAGE = 100;

    /** An open stream's claim on its tenant's bound; {@link #close} gives it back (once). */
    public final class Subscription implements AutoCloseable {

        private final String tenant;
        private final UUID sessionId;
        private boolean closed;

        private Subscription(String tenant, UUID sessionId) {
            this.tenant = tenant;
            this.sessionId = sessionId;
        }

        public UUID sessionId() {
            return sessionId;
        }

        /** The session's events after {@code afterId}, at most {@link #PAGE}, read as its tenant. */
        public List<SessionEvent> after(long afterId) {
            return events.after(tenant, sessionId, afterId, PAGE);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                open.computeIfPresent(tenant, (t, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    private final LoadSessionPort sessions;
    private final ReadEventsPort events;
    private final TenantContext tenants;
    private final EventSettings settings;
    private final Clock clock;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    SessionEvents(LoadSessionPort sessions, ReadEventsPort events, TenantContext tenants, EventSettings settings, Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
    }

    /** Opens a stream of the caller's session: 404 if it has none such, 429 past the bound of open streams. */
    @Transactional(readOnly = true)
    public Subscription subscribe(UUID sessionId) {
        sessions.find(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
        String tenant = tenants.current();
        int max = settings.maxStreamsPerTenant();
        if (open.merge(tenant, 1, Integer::sum) > max) {
            open.computeIfPresent(tenant, (t, n) -> n - 1);
            throw new TooManyStreamsException(max);
        }
        return new Subscription(tenant, sessionId);
    }

    /** Where a stream without Last-Event-ID starts: after the session's newest event. */
    public long latest(UUID sessionId) {
        return events.latest(sessionId);
    }

    /** {@code listener} hears the id of a session that may have new events, appended on any instance. */
    public void onAppended(Consumer<UUID> listener) {
        events.onAppended(listener);
    }

    public EventSettings settings() {
        return settings;
    }

    @Scheduled(fixedDelayString = "${textopt.events.cleanup-interval:1h}")
    @Transactional
    public void deleteExpired() {
        int deleted = events.deleteOlderThan(clock.instant().minus(settings.retention()));
        if (deleted > 0) {
            log.debug("Deleted {} session events older than {}", deleted, settings.retention());
        }
    }
}
