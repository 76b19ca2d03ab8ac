package dev.textopt.optim.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void onlyQueuedAndRunningRunsAreActive() {
        assertThat(RunStatus.QUEUED.active()).isTrue();
        assertThat(RunStatus.RUNNING.active()).isTrue();
        assertThat(RunStatus.SUCCEEDED.active()).isFalse();
        assertThat(RunStatus.CANCELLED.active()).isFalse();
    }

    @Test
    void anEndIsFinalAndOnlyARunThatRanCanSucceed() {
        assertThat(RunStatus.QUEUED.mayBecome(RunStatus.RUNNING)).isTrue();
        assertThat(RunStatus.QUEUED.mayBecome(RunStatus.CANCELLED)).isTrue();
        assertThat(RunStatus.QUEUED.mayBecome(RunStatus.SUCCEEDED)).isFalse();
        assertThat(RunStatus.RUNNING.mayBecome(RunStatus.RUNNING)).as("a take-over").isTrue();
        assertThat(RunStatus.RUNNING.mayBecome(RunStatus.QUEUED)).isFalse();
        for (RunStatus end : new RunStatus[] {RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED}) {
            for (RunStatus next : RunStatus.values()) {
                assertThat(end.mayBecome(next)).as(end + " -> " + next).isFalse();
            }
        }
    }

    @Test
    void readsAndWritesTheStatusAsTheApiSpellsIt() {
        assertThat(RunStatus.ofWire("cancelled")).isEqualTo(RunStatus.CANCELLED);
        assertThat(RunStatus.RUNNING.wire()).isEqualTo("running");
    }
}
