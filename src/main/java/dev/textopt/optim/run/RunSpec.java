package dev.textopt.optim.run;

import dev.textopt.optim.Problem;
import dev.textopt.optim.training.InvalidTrainingRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A training run's dataset and schedule, checked: the train and validation items, how many epochs of how
 * large batches, in which order ({@code shuffleSeed} null: the dataset's order), when to validate and
 * whether to end on the best validation score.
 */
public record RunSpec(List<RunItem> train, List<RunItem> validation, int epochs, int batchSize, Long shuffleSeed,
        boolean keepBest, ValidateEvery validateEvery) {

    public static final int DEFAULT_EPOCHS = 1;
    public static final int DEFAULT_BATCH_SIZE = 4;

    /** Problems listed per dataset at most: a dataset of thousands of items missing a target needs one answer, not thousands. */
    private static final int MAX_ITEM_PROBLEMS = 10;

    /** Which items an evaluator needs a target on: every one (exact match), or all or none (the others' are optional). */
    public enum Targets { EVERY_ITEM, ALL_OR_NONE }

    /** The operator's limits on a run: {@code textopt.limits.max-epochs} and {@code max-dataset-size}. */
    public record Limits(int maxEpochs, int maxDatasetSize) {
    }

    public RunSpec {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /**
     * Checks a run request's dataset and schedule and lists every problem at once, each naming its field
     * ({@code train[3].inputs}, {@code batch_size}, {@code validation[0].target}). Null means the default:
     * {@value #DEFAULT_EPOCHS} epoch, batches of {@value #DEFAULT_BATCH_SIZE}, no shuffling, no validation,
     * validation after every epoch, no keep_best.
     *
     * @throws InvalidTrainingRequestException naming each field to change
     */
    public static RunSpec check(List<RunItem> train, List<RunItem> validation, Integer epochs, Integer batchSize, Long shuffleSeed,
            Boolean keepBest, ValidateEvery validateEvery, Targets targets, Limits limits) {
        List<Problem> problems = new ArrayList<>();
        List<RunItem> trainItems = train == null ? List.of() : train;
        List<RunItem> validationItems = validation == null ? List.of() : validation;
        if (trainItems.isEmpty()) {
            problems.add(new Problem("train", "give at least one item, e.g. [{\"inputs\": {\"text\": \"hello world\"}, \"target\": \"HELLO WORLD\"}]"));
        }
        // All or none across both sets: a judge prompt is built with or without the target for every batch alike.
        boolean needTargets = targets == Targets.EVERY_ITEM
                || Stream.concat(trainItems.stream(), validationItems.stream()).anyMatch(i -> i != null && i.target() != null);
        items(trainItems, "train", needTargets, targets, limits, problems);
        items(validationItems, "validation", needTargets, targets, limits, problems);
        int epochCount = epochs == null ? DEFAULT_EPOCHS : epochs;
        if (epochCount < 1 || epochCount > limits.maxEpochs()) {
            problems.add(new Problem("epochs", "must be from 1 to " + limits.maxEpochs() + " (textopt.limits.max-epochs), not " + epochCount));
        }
        int size = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
        if (size < 1) {
            problems.add(new Problem("batch_size", "must be at least 1, not " + size));
        }
        boolean keep = Boolean.TRUE.equals(keepBest);
        if (keep && validationItems.isEmpty()) {
            problems.add(new Problem("keep_best", "needs a validation set to tell the best step by; give validation items or leave keep_best out"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidTrainingRequestException(problems);
        }
        return new RunSpec(trainItems, validationItems, epochCount, size, shuffleSeed, keep,
                validateEvery == null ? ValidateEvery.EPOCH : validateEvery);
    }

    private static void items(List<RunItem> items, String field, boolean needTargets, Targets targets, Limits limits,
            List<Problem> problems) {
        int before = problems.size();
        if (items.size() > limits.maxDatasetSize()) {
            problems.add(new Problem(field, items.size() + " items; at most " + limits.maxDatasetSize()
                    + " (textopt.limits.max-dataset-size)"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            RunItem item = items.get(i);
            if (item == null || item.inputs() == null) {
                problems.add(new Problem(field + "[" + i + "].inputs", "required: the values the forward messages' placeholders take, "
                        + "e.g. {\"text\": \"hello world\"}"));
            }
            if (needTargets && (item == null || item.target() == null)) {
                problems.add(new Problem(field + "[" + i + "].target", targets == Targets.EVERY_ITEM
                        ? "required: the evaluator compares each output with its item's target"
                        : "required: some items have a target, so every item of train and validation needs one (or leave them all out)"));
            }
            if (problems.size() - before >= MAX_ITEM_PROBLEMS) {
                problems.add(new Problem(field, "more items have problems; fix the ones named and send the run again"));
                return;
            }
        }
    }

    /** The order in which the batches draw the training items. */
    public BatchOrder batchOrder() {
        return new BatchOrder(train.size(), batchSize, shuffleSeed);
    }

    public RunSchedule schedule() {
        return new RunSchedule(epochs, batchOrder().batchesPerEpoch(), validateEvery, !validation.isEmpty());
    }
}
