package dev.textopt.adapter.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears the NOTIFY of every instance's event appends on one connection of its own, held for as long as this
 * instance runs (a pooled connection, so one fewer for requests), and passes each session id on. If the
 * connection breaks it takes a new one; what was appended meanwhile the streams find at their next heartbeat,
 * since they read the table, never the notification.
 */
@Component
class EventNotifications implements SmartLifecycle {

    static final String CHANNEL = "textopt_session_event";
    private static final Logger log = LoggerFactory.getLogger(EventNotifications.class);
    private static final int WAIT_MS = 1000;

    private final DataSource dataSource;
    private final List<Consumer<UUID>> listeners = new CopyOnWriteArrayList<>();
    private volatile Thread thread;

    EventNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void listen(Consumer<UUID> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            Thread listener = new Thread(this::listenUntilStopped, "event-listener");
            listener.setDaemon(true);
            thread = listener;
            listener.start();
        }
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void listenUntilStopped() {
        while (thread == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (thread == Thread.currentThread()) {
                    PGNotification[] received = postgres.getNotifications(WAIT_MS);
                    for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                        pass(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (thread == Thread.currentThread()) {
                    log.debug("Listening for session events failed ({}); listening again in a second", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pass(String sessionId) {
        UUID id = UUID.fromString(sessionId);
        for (Consumer<UUID> listener : listeners) {
            try {
                listener.accept(id);
            } catch (RuntimeException e) {
                log.warn("A listener of session events failed", e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
