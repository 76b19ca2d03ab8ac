package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.textopt.session.StepParamRecord;
import dev.textopt.session.StepRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a session's history: the creation (entry 0), a step (running, succeeded or failed), a restore,
 * a hand edit of a parameter or a change of a group's options.
 */
@Schema(description = "One entry of the history: the creation (entry 0), a step, a restore, a hand edit of a parameter "
        + "(edit) or a change of a group's options (edit_group)")
record HistoryEntryJson(
        @Schema(description = "Entry number; 0 is the creation") int step,
        @Schema(allowableValues = {"create", "step", "restore", "edit", "edit_group"}) String kind,
        @Schema(allowableValues = {"running", "succeeded", "failed"}) String status,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Long durationMs,
        ProgressJson progress,
        @Schema(description = "For restores: the entry restored") @JsonInclude(JsonInclude.Include.NON_NULL) Integer restoredTo,
        @Nullable LossJson loss,
        List<HistoryParamJson> params,
        Map<String, UsageJson> usage,
        List<StepFailureJson> failures,
        @Schema(description = "For edit_group entries: the group and each option the edit changed")
        @JsonInclude(JsonInclude.Include.NON_NULL) GroupEditJson groupEdit) {

    @Schema(description = "A change of a group's options: the group's index and each option changed, before and after",
            example = "{\"param_group\": 0, \"changes\": {\"momentum\": {\"before\": 2, \"after\": 1}}}")
    record GroupEditJson(int paramGroup, Map<String, OptionChangeJson> changes) {

        static GroupEditJson of(StepRecord.GroupEdit edit) {
            var changes = new LinkedHashMap<String, OptionChangeJson>();
            edit.changes().forEach((option, change) -> changes.put(option, new OptionChangeJson(change.before(), change.after())));
            return new GroupEditJson(edit.paramGroup(), changes);
        }
    }

    @Schema(description = "An option as it was and as it is, in the shape the group shows it")
    record OptionChangeJson(Object before, Object after) {
    }

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

    /**
     * The entry's ETag: its number and status, and while it runs its progress, the one part of it that
     * changes until it ends; a finished entry never changes again.
     */
    String etag() {
        return "\"" + step + "-" + status + ("running".equals(status) ? "-" + progress.done() + "-" + progress.total() : "") + "\"";
    }

    static HistoryEntryJson of(StepRecord r) {
        return new HistoryEntryJson(r.number(), r.kind().name().toLowerCase(Locale.ROOT), r.status().name().toLowerCase(Locale.ROOT),
                r.startedAt(), r.finishedAt(), r.durationMs(), new ProgressJson(r.paramsDone(), r.paramsTotal()), r.restoredTo(),
                LossJson.of(r.loss()), r.params().stream().map(HistoryParamJson::of).toList(), UsageJson.byClient(r.usage()),
                r.failures().stream().map(StepFailureJson::of).toList(), r.groupEdit() == null ? null : GroupEditJson.of(r.groupEdit()));
    }
}
