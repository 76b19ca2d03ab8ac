package dev.textopt.optim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.run.RunSchedule.Finish;
import dev.textopt.optim.run.RunSchedule.Phase;
import dev.textopt.optim.run.RunSchedule.Train;
import dev.textopt.optim.run.RunSchedule.Validate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunScheduleTest {

    /** Plays a whole run: what it does, in order, as V (validate) and T<epoch>.<batch> (train). */
    private static List<String> play(RunSchedule schedule) {
        var done = new ArrayList<String>();
        var position = RunPosition.START;
        int validations = 0;
        for (Phase phase = schedule.next(position, validations); !(phase instanceof Finish); phase = schedule.next(position, validations)) {
            if (phase instanceof Validate) {
                validations++;
                done.add("V");
            } else {
                var train = ((Train) phase).position();
                done.add("T" + train.epoch() + "." + train.batch());
                position = train.next(schedule.batchesPerEpoch());
            }
        }
        assertThat(position).isEqualTo(schedule.end());
        return done;
    }

    @Test
    void validatesBeforeTheFirstStepAndAfterEveryEpoch() {
        assertThat(play(new RunSchedule(2, 3, ValidateEvery.EPOCH, true)))
                .containsExactly("V", "T0.0", "T0.1", "T0.2", "V", "T1.0", "T1.1", "T1.2", "V");
    }

    @Test
    void validatesAfterEveryStepWhenAskedTo() {
        assertThat(play(new RunSchedule(2, 2, ValidateEvery.STEP, true)))
                .containsExactly("V", "T0.0", "V", "T0.1", "V", "T1.0", "V", "T1.1", "V");
    }

    @Test
    void withoutAValidationSetOnlyTrains() {
        assertThat(play(new RunSchedule(2, 2, ValidateEvery.EPOCH, false))).containsExactly("T0.0", "T0.1", "T1.0", "T1.1");
    }

    /** A run taken over after a crash: its step was recorded, the validation after it was not. */
    @Test
    void aRunResumedAfterItsLastStepOfAnEpochValidatesBeforeItTrainsOn() {
        var schedule = new RunSchedule(2, 3, ValidateEvery.EPOCH, true);

        assertThat(schedule.next(new RunPosition(1, 0), 1)).isEqualTo(new Validate());
        assertThat(schedule.next(new RunPosition(1, 0), 2)).isEqualTo(new Train(new RunPosition(1, 0)));
        assertThat(schedule.next(new RunPosition(1, 2), 2)).isEqualTo(new Train(new RunPosition(1, 2)));
        assertThat(schedule.next(new RunPosition(2, 0), 2)).isEqualTo(new Validate());
        assertThat(schedule.next(new RunPosition(2, 0), 3)).isEqualTo(new Finish());
    }

    @Test
    void aRunHasEpochsTimesBatchesSteps() {
        assertThat(new RunSchedule(2, 8, ValidateEvery.EPOCH, true).totalSteps()).isEqualTo(16);
        assertThat(new RunPosition(1, 3).stepsBefore(8)).isEqualTo(11);
    }
}
