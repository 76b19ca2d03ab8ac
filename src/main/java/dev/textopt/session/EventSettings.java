package dev.textopt.session;

import java.time.Duration;

/**
 * Session events ({@code textopt.events}): kept for {@code retention} (default 24h) and swept away every
 * {@code cleanup-interval} (default 1h); an event stream sends a comment every {@code heartbeat} (default 15s)
 * so that proxies keep it open, and ends after {@code max-stream-duration} (default 30m; the client resumes
 * with Last-Event-ID); one tenant holds at most {@code max-streams-per-tenant} streams (default 16) per instance.
 */
public record EventSettings(Duration retention, Duration heartbeat, Duration maxStreamDuration, Integer maxStreamsPerTenant) {

    public EventSettings {
        retention = retention == null ? Duration.ofHours(24) : retention;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        maxStreamDuration = maxStreamDuration == null ? Duration.ofMinutes(30) : maxStreamDuration;
        maxStreamsPerTenant = maxStreamsPerTenant == null ? 16 : maxStreamsPerTenant;
        if (retention.toMinutes() < 1) {
            throw new IllegalArgumentException("textopt.events.retention must be at least 1m");
        }
        if (heartbeat.toMillis() < 100 || maxStreamDuration.compareTo(heartbeat) <= 0) {
            throw new IllegalArgumentException("textopt.events.heartbeat must be at least 100ms and shorter than max-stream-duration");
        }
        if (maxStreamsPerTenant < 1) {
            throw new IllegalArgumentException("textopt.events.max-streams-per-tenant must be at least 1");
        }
    }
}
