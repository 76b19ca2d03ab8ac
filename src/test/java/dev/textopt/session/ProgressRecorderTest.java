package dev.textopt.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where and when a step's progress is written: never on a call's thread, at most one write queued per step. */
class ProgressRecorderTest {

    private static final UUID SESSION = UUID.randomUUID();

    private final Queue<Runnable> writerThread = new ArrayDeque<>();
    private final List<String> written = new ArrayList<>();
    private final ProgressRecorder.Write write = (session, number, done, total) -> written.add(number + ":" + done + "/" + total);

    private ProgressRecorder recorder(int total) {
        return new ProgressRecorder(writerThread::add, write, SESSION, 7, total);
    }

    private void runWriterThread() {
        while (!writerThread.isEmpty()) {
            writerThread.poll().run();
        }
    }

    @Test
    void aCallThatEndsOnlyCountsAndTheWriterWritesTheLatestCountOnce() {
        var progress = recorder(5);
        progress.paramFinished("a", true);
        progress.paramFinished("b", false);
        progress.paramFinished("c", true);

        assertThat(written).as("nothing on the calls' threads").isEmpty();
        assertThat(writerThread).as("one write queued for the three calls").hasSize(1);
        runWriterThread();
        assertThat(written).containsExactly("7:3/5");

        progress.paramFinished("d", true);
        runWriterThread();
        assertThat(written).containsExactly("7:3/5", "7:4/5");
        assertThat(progress.done()).isEqualTo(4);
    }

    @Test
    void theLastCallWritesNothingNorDoesAWriteThatFindsEveryCallEnded() {
        var progress = recorder(3);
        progress.paramFinished("a", true);
        progress.paramFinished("b", true);
        progress.paramFinished("c", true);
        assertThat(writerThread).hasSize(1);

        runWriterThread();
        assertThat(written).as("the step's result, written next, says all are done").isEmpty();
    }

    @Test
    void aNewTotalFromTheClosureIsWrittenAtOnceAndCountsAgainstIt() {
        var progress = recorder(4);
        progress.started(4);
        assertThat(written).as("the entry already has this total").isEmpty();

        progress.started(2);
        assertThat(written).containsExactly("7:0/2");
        progress.paramFinished("a", true);
        progress.paramFinished("b", true);
        runWriterThread();
        assertThat(written).containsExactly("7:0/2");
        assertThat(progress.total()).isEqualTo(2);
    }
}
