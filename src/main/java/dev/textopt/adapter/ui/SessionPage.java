package dev.textopt.adapter.ui;

import dev.textopt.optim.Loss;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.PageOf;
import dev.textopt.session.StepParamRecord;
import dev.textopt.session.StepRecord;
import dev.textopt.session.StoredGroup;
import dev.textopt.session.StoredParam;
import dev.textopt.session.StoredSession;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a stored session and its history into what the pages show. The timeline is paged (a 500-step
 * session renders {@link #TIMELINE_PAGE} entries at a time); the charts read the whole history, in
 * pages, but keep only numbers ({@link ChartData}).
 */
@Component
class SessionPage {

    static final int TIMELINE_PAGE = 20;

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final OptimizerSessions sessions;

    SessionPage(OptimizerSessions sessions) {
        this.sessions = sessions;
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    Views.SessionRow row(StoredSession s) {
        Totals totals = Totals.of(s.usage());
        var params = s.params();
        String summary = params.isEmpty() ? "" : shorten(params.get(0).data(), 90)
                + (params.size() > 1 ? " (+" + (params.size() - 1) + " more)" : "");
        return new Views.SessionRow(s.id().toString(), time(s.createdAt()), time(s.updatedAt()), s.stepCount(),
                s.historyCount(), totals.tokensText(), totals.costText(), summary, s.stepRunning() ? progress(s.id()) : null);
    }

    /** The running step's progress, or null if none runs (any more). */
    Views.Progress progress(UUID id) {
        var latest = sessions.history(id, 0, 1).items();
        if (latest.isEmpty() || latest.get(0).status() != StepRecord.Status.RUNNING) {
            return null;
        }
        StepRecord r = latest.get(0);
        return new Views.Progress(r.number(), r.paramsDone(), r.paramsTotal());
    }

    List<Views.ParamView> params(StoredSession s) {
        var views = new ArrayList<Views.ParamView>();
        int groupIndex = 0;
        int n = 0;
        for (StoredGroup group : s.groups()) {
            Object client = group.options().get("model_client");
            Object model = group.options().get("completion_args") instanceof Map<?, ?> args ? args.get("model") : null;
            for (StoredParam p : group.params()) {
                n++;
                views.add(new Views.ParamView(p.id().toString(), label(n, p.role()), p.role(), p.data(), p.requiresGrad(),
                        p.grad(), groupIndex, client == null ? "" : client.toString(), model == null ? "(provider default)" : model.toString(),
                        p.data().length()));
            }
            groupIndex++;
        }
        return views;
    }

    static Map<UUID, String> labels(StoredSession s) {
        var labels = new HashMap<UUID, String>();
        int n = 0;
        for (StoredParam p : s.params()) {
            labels.put(p.id(), label(++n, p.role()));
        }
        return labels;
    }

    private static String label(int n, String role) {
        return "#" + n + (role == null || role.isBlank() ? "" : " " + shorten(role, 60));
    }

    PageOf<StepRecord> timelinePage(UUID id, int page) {
        return sessions.history(id, page, TIMELINE_PAGE);
    }

    List<Views.Entry> entries(List<StepRecord> records, Map<UUID, String> labels) {
        return records.stream().map(r -> entry(r, labels)).toList();
    }

    private Views.Entry entry(StepRecord r, Map<UUID, String> labels) {
        var changes = new ArrayList<Views.Change>();
        for (StepParamRecord p : r.params()) {
            boolean changed = p.data() != null && p.previousData() != null;
            changes.add(new Views.Change(labels.getOrDefault(p.paramId(), "(removed parameter)"), p.status(), p.reason(),
                    changed ? elide(WordDiff.diff(p.previousData(), p.data())) : List.of(), p.grads(), changed));
        }
        var failures = r.failures().stream().map(f -> (f.paramId() == null ? "step" : labels.getOrDefault(parse(f.paramId()), f.paramId()))
                + ": " + f.reason() + (f.detail() == null ? "" : " — " + f.detail())).toList();
        Totals totals = Totals.of(r.usage());
        Loss loss = r.loss();
        return new Views.Entry(r.number(), r.kind().name().toLowerCase(Locale.ROOT), r.status().name().toLowerCase(Locale.ROOT),
                time(r.startedAt()), r.durationMs() == null ? "" : r.durationMs() + " ms", r.restoredTo(),
                loss == null || loss.score() == null ? null : String.valueOf(loss.score()),
                loss == null ? null : loss.explanation(),
                r.usage().isEmpty() ? null : totals.tokensText(), r.usage().isEmpty() ? null : totals.costText(), failures, changes,
                r.status() == StepRecord.Status.RUNNING ? new Views.Progress(r.number(), r.paramsDone(), r.paramsTotal()) : null);
    }

    static final int CONTEXT = 160;

    /**
     * Long unchanged stretches shrink to their ends and a note of how much was left out, so a one-word
     * change in a 10,000-character prompt is one line, not the whole prompt again.
     */
    static List<WordDiff.Piece> elide(List<WordDiff.Piece> pieces) {
        var out = new ArrayList<WordDiff.Piece>();
        for (int i = 0; i < pieces.size(); i++) {
            WordDiff.Piece p = pieces.get(i);
            String text = p.text();
            boolean first = i == 0;
            boolean last = i == pieces.size() - 1;
            int keepHead = first ? 0 : CONTEXT;
            int keepTail = last ? 0 : CONTEXT;
            if (p.op() != WordDiff.Op.EQUAL || text.length() <= keepHead + keepTail + 200) {
                out.add(p);
                continue;
            }
            if (keepHead > 0) {
                out.add(new WordDiff.Piece(WordDiff.Op.EQUAL, text.substring(0, keepHead)));
            }
            int omitted = text.length() - keepHead - keepTail;
            out.add(new WordDiff.Piece(WordDiff.Op.ELIDED, String.format(Locale.ROOT, " … %,d unchanged characters … ", omitted)));
            if (keepTail > 0) {
                out.add(new WordDiff.Piece(WordDiff.Op.EQUAL, text.substring(text.length() - keepTail)));
            }
        }
        return out;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
