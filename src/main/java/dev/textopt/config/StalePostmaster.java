package dev.textopt.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL outlives a {@code kill -9} of the JVM that started it, and the next start
 * then finds its {@code postmaster.pid} and fails. This finds such a server — only if the pid file
 * names our own data directory and the process is a postgres — and shuts it down. Its data stays:
 * a fast shutdown checkpoints, and a forced one is recovered from the WAL on the next start.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final Path dataDir;

    StalePostmaster(Path dataDir) {
        this.dataDir = dataDir;
    }

    void stopIfRunning() {
        Optional<ProcessHandle> postmaster = runningPostmaster();
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Found an embedded PostgreSQL (pid {}) left running on {} by an earlier crash; stopping it", process.pid(), dataDir);
        process.destroy(); // SIGTERM: a smart shutdown, quick since its client died
        if (!waitForExit(process, GRACE)) {
            log.warn("PostgreSQL pid {} did not stop within {}; killing it (recovery on start keeps the data)", process.pid(), GRACE);
            process.destroyForcibly();
            waitForExit(process, GRACE);
        }
    }

    Optional<ProcessHandle> runningPostmaster() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !samePath(Path.of(lines.get(1).trim()), dataDir)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(StalePostmaster::isPostgres);
        } catch (IOException | NumberFormatException e) {
            log.debug("Unreadable {}; leaving it to PostgreSQL", pidFile, e);
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // A pid may have been reused by an unrelated process since the crash: never signal that one.
        return process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }

    private static boolean samePath(Path a, Path b) throws IOException {
        return Files.exists(a) && Files.isSameFile(a, b);
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
