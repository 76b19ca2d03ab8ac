package dev.textopt.adapter.web;

import dev.textopt.session.SessionEvent;
import dev.textopt.session.SessionEvents;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of this instance. A stream sends what the table holds after the last id it sent,
 * whenever a notification says its session has news, and at every heartbeat (a comment that keeps proxies from
 * closing the connection, and a read that catches anything a lost notification left behind). Reads and
 * sends run on a small pool of our own, never on a request thread: Tomcat's threads are free while a stream
 * is open. On shutdown every stream ends first, so that a graceful shutdown does not wait for them; clients
 * reconnect (to another instance) with Last-Event-ID.
 */
@Component
class EventStreams implements SmartLifecycle {

    private final SessionEvents events;
    private final ScheduledExecutorService pool;
    private final Map<UUID, Set<Stream>> bySession = new ConcurrentHashMap<>();
    private volatile boolean running;

    EventStreams(SessionEvents events) {
        this.events = events;
        var executor = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "event-stream");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.pool = executor;
        events.onAppended(sessionId -> bySession.getOrDefault(sessionId, Set.of()).forEach(Stream::wake));
    }

    /** Starts sending the subscription's events after {@code afterId} to a new emitter, which the controller answers with. */
    SseEmitter open(SessionEvents.Subscription subscription, long afterId) {
        var stream = new Stream(subscription, afterId, new SseEmitter(events.settings().maxStreamDuration().toMillis()));
        bySession.computeIfAbsent(subscription.sessionId(), id -> ConcurrentHashMap.newKeySet()).add(stream);
        stream.emitter.onCompletion(stream::close);
        stream.emitter.onTimeout(stream::end);
        stream.emitter.onError(e -> stream.close());
        long beat = events.settings().heartbeat().toMillis();
        stream.heartbeat = pool.scheduleWithFixedDelay(stream::beat, beat, beat, TimeUnit.MILLISECONDS);
        stream.wake();
        return stream.emitter;
    }

    private final class Stream {

        final SessionEvents.Subscription subscription;
        final SseEmitter emitter;
        final AtomicBoolean draining = new AtomicBoolean();
        final AtomicBoolean again = new AtomicBoolean();
        volatile ScheduledFuture<?> heartbeat;
        volatile long lastId;
        volatile boolean closed;

        Stream(SessionEvents.Subscription subscription, long afterId, SseEmitter emitter) {
            this.subscription = subscription;
            this.lastId = afterId;
            this.emitter = emitter;
        }

        /** Reads and sends, on the pool; a wake while a read is going makes that read look once more. */
        void wake() {
            if (closed) {
                return;
            }
            again.set(true);
            if (draining.compareAndSet(false, true)) {
                pool.execute(this::drain);
            }
        }

        private void drain() {
            try {
                while (again.getAndSet(false)) {
                    List<SessionEvent> page;
                    do {
                        page = subscription.after(lastId);
                        for (SessionEvent event : page) {
                            emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.type())
                                    .data(EventJson.of(event), MediaType.APPLICATION_JSON));
                            lastId = event.id();
                        }
                    } while (page.size() == SessionEvents.PAGE);
                }
            } catch (IOException | RuntimeException e) {
                // The client went away (or the database did): the stream ends; a client resumes with Last-Event-ID.
                end();
            } finally {
                draining.set(false);
            }
            if (again.get() && draining.compareAndSet(false, true)) {
                pool.execute(this::drain);
            }
        }

        void beat() {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
                wake();
            } catch (IOException | RuntimeException e) {
                end();
            }
        }

        void end() {
            close();
            emitter.complete();
        }

        void close() {
            closed = true;
            var beating = heartbeat;
            if (beating != null) {
                beating.cancel(false);
            }
            bySession.computeIfPresent(subscription.sessionId(), (id, streams) -> {
                streams.remove(this);
                return streams.isEmpty() ? null : streams;
            });
            subscription.close();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Before the web server's graceful shutdown (a higher phase stops first): open streams would hold it up. */
    @Override
    public void stop() {
        running = false;
        bySession.values().forEach(streams -> List.copyOf(streams).forEach(Stream::end));
        pool.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
