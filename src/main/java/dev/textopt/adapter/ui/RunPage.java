package dev.textopt.adapter.ui;

import dev.textopt.optim.run.ValidationScore;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.RunService;
import dev.textopt.session.StepRecord;
import dev.textopt.session.StoredRun;
import dev.textopt.session.StoredSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the web view shows of training runs: the session page's list of them, and a run's page with its
 * scores per step (train and validation, the best marked), the prompts each step left, and links to the
 * session's timeline, where each step's diff is.
 */
@Component
class RunPage {

    static final int LISTED = 10;
    private static final int HISTORY_PAGE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunService runs;
    private final OptimizerSessions sessions;

    RunPage(RunService runs, OptimizerSessions sessions) {
        this.runs = runs;
        this.sessions = sessions;
    }

    /** The session's newest runs. */
    List<Views.RunRow> rows(UUID id) {
        return runs.list(id, 0, LISTED).items().stream().map(r -> new Views.RunRow(r.id().toString(), r.status().wire(),
                SessionPage.time(r.createdAt()), r.steps().size() + " of " + r.totalSteps() + " steps",
                r.best().map(RunPage::score).orElse("—"))).toList();
    }

    Views.RunView view(StoredSession session, StoredRun run) {
        Optional<ValidationScore> best = run.best();
        Map<Integer, Double> validation = new HashMap<>();
        run.validation().forEach(v -> validation.put(v.afterStep(), v.score()));
        Map<Integer, StepRecord> entries = entries(session.id(), run);
        var labels = SessionPage.labels(session);
        var steps = new ArrayList<Views.RunStepRow>();
        for (StoredRun.RunStep step : run.steps()) {
            StepRecord entry = entries.get(step.step());
            List<String> prompts = entry == null ? List.of() : entry.params().stream().filter(p -> p.data() != null)
                    .map(p -> labels.getOrDefault(p.paramId(), "(removed parameter)") + ": " + p.data()).toList();
            Double after = validation.get(step.step());
            steps.add(new Views.RunStepRow(step.step(), step.epoch(), step.batch(), format(step.trainScore()),
                    after == null ? "" : format(after), best.isPresent() && best.get().afterStep() == step.step(),
                    timeline(session, step.step()), prompts));
        }
        var totals = Totals.of(run.usage());
        var failure = run.failure();
        return new Views.RunView(run.id().toString(), run.status().wire(), run.status().active(), run.steps().size(), run.totalSteps(),
                SessionPage.time(run.createdAt()), run.finishedAt() == null ? "" : SessionPage.time(run.finishedAt()),
                totals.tokensText(), totals.costText(), best.map(RunPage::score).orElse("—"),
                failure == null ? null : failure.reason() + (failure.operation() == null ? "" : " in " + failure.operation())
                        + (failure.item() == null ? "" : " of " + failure.item()) + ": " + failure.detail(),
                steps, chart(run));
    }

    /** {@code x}: history entries; {@code train}, {@code validation}: the scores at them (null where none); {@code best}. */
    private static String chart(StoredRun run) {
        var x = new TreeSet<Integer>();
        run.steps().forEach(s -> x.add(s.step()));
        run.validation().forEach(v -> x.add(v.afterStep()));
        var train = new ArrayList<Double>();
        var validation = new ArrayList<Double>();
        for (int entry : x) {
            train.add(run.steps().stream().filter(s -> s.step() == entry).map(StoredRun.RunStep::trainScore).findFirst().orElse(null));
            validation.add(run.validation().stream().filter(v -> v.afterStep() == entry).map(ValidationScore::score).reduce((a, b) -> b)
                    .orElse(null));
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("x", List.copyOf(x));
        chart.put("train", train);
        chart.put("validation", validation);
        chart.put("best", run.best().map(ValidationScore::afterStep).orElse(null));
        return JSON.writeValueAsString(chart);
    }

    /** The history entries of the run's steps, read a page at a time from the newest down to its first step. */
    private Map<Integer, StepRecord> entries(UUID id, StoredRun run) {
        var found = new HashMap<Integer, StepRecord>();
        if (run.steps().isEmpty()) {
            return found;
        }
        int first = run.steps().get(0).step();
        for (int page = 0; page < 1000; page++) {
            var records = sessions.history(id, page, HISTORY_PAGE).items();
            records.forEach(r -> found.put(r.number(), r));
            if (records.size() < HISTORY_PAGE || records.get(records.size() - 1).number() <= first) {
                return found;
            }
        }
        return found;
    }

    /** The step's place in the session page's timeline, newest first, {@link SessionPage#TIMELINE_PAGE} entries a page. */
    private static String timeline(StoredSession session, int entry) {
        return "/ui/sessions/" + session.id() + "?page=" + (session.historyCount() - entry) / SessionPage.TIMELINE_PAGE + "#entry-" + entry;
    }

    private static String score(ValidationScore score) {
        return format(score.score()) + " after entry " + score.afterStep();
    }

    private static String format(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }
}
