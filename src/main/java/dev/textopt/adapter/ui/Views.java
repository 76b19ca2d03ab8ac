package dev.textopt.adapter.ui;

import dev.textopt.optim.Gradient;
import java.util.List;

/**
 * What the templates show: plain values, already formatted, so that templates hold no logic. Public
 * only because templates read them by reflection.
 */
public final class Views {

    private Views() {
    }

    public record SessionRow(String id, String created, String lastActivity, int stepCount, int historyCount, String tokens,
            String cost, String paramsSummary, Progress progress) {
    }

    /** A running step: its number and how many of its parameters are done. */
    public record Progress(int number, int done, int total) {
        public int percent() {
            return total == 0 ? 0 : Math.min(100, done * 100 / total);
        }
    }

    public record ParamView(String id, String label, String role, String data, boolean requiresGrad, List<Gradient> grad,
            int group, String modelClient, String model, int length) {
    }

    public record Change(String paramLabel, String status, String reason, List<WordDiff.Piece> diff, List<Gradient> grads,
            boolean changed) {
    }

    public record Entry(int number, String kind, String status, String when, String duration, Integer restoredTo, String loss,
            String lossExplanation, String tokens, String cost, List<String> failures, List<Change> changes,
            Progress progress) {

        public boolean running() {
            return progress != null;
        }
    }

    /** A training run in the session page's list. */
    public record RunRow(String id, String status, String created, String progress, String best) {
    }

    /**
     * A training run's page: its status and progress, its cost, why it failed, and a row per step; {@code chart}
     * is the JSON the chart is drawn from.
     */
    public record RunView(String id, String status, boolean active, int done, int total, String created, String finished,
            String tokens, String cost, String best, String failure, List<RunStepRow> steps, String chart) {
    }

    /**
     * One trained batch: its history entry (linked to the session's timeline, where its diff is), the batch's train
     * score, the validation score after it if one was made, whether it is the best, and the prompts as it left them.
     */
    public record RunStepRow(int entry, int epoch, int batch, String trainScore, String validation, boolean best, String timeline,
            List<String> prompts) {
    }

    public record Pager(int page, int pages, long total) {
        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }
}
