package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.textopt.session.StepParamRecord;
import dev.textopt.session.StepRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** One entry of a session's history: the creation (entry 0), a step (running, succeeded or failed), a restore or a hand edit. */
@Schema(description = "One entry of the history: the creation (entry 0), a step, a restore or a hand edit")
record HistoryEntryJson(
        @Schema(description = "Entry number; 0 is the creation") int step,
        @Schema(allowableValues = {"create", "step", "restore", "edit"}) String kind,
        @Schema(allowableValues = {"running", "succeeded", "failed"}) String status,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        ProgressJson progress,
        @Schema(description = "For restores: the entry restored") @JsonInclude(JsonInclude.Include.NON_NULL) Integer restoredTo,
        @Nullable LossJson loss,
        List<HistoryParamJson> params,
        Map<String, UsageJson> usage,
        List<StepFailureJson> failures) {

    @Schema(description = "Parameters the entry has dealt with, of all it deals with")
    record ProgressJson(int done, int total) {
    }

    @Schema(description = "What an entry did to one parameter: its value before and after, and the feedback used")
    record HistoryParamJson(UUID id, @Nullable String status, @Nullable String reason, @Nullable String previousData,
                            @Nullable String data, List<GradientJson> grads) {

        static HistoryParamJson of(StepParamRecord p) {
            return new HistoryParamJson(p.paramId(), p.status(), p.reason(), p.previousData(), p.data(),
                    p.grads().stream().map(GradientJson::of).toList());
        }
    }

    static HistoryEntryJson of(StepRecord r) {
        return new HistoryEntryJson(r.number(), r.kind().name().toLowerCase(Locale.ROOT), r.status().name().toLowerCase(Locale.ROOT),
                r.startedAt(), r.finishedAt(), r.durationMs(), new ProgressJson(r.paramsDone(), r.paramsTotal()), r.restoredTo(),
                LossJson.of(r.loss()), r.params().stream().map(HistoryParamJson::of).toList(), UsageJson.byClient(r.usage()),
                r.failures().stream().map(StepFailureJson::of).toList());
    }
}
