package dev.textopt.adapter.ui;

import dev.textopt.optim.Loss;
import dev.textopt.optim.Usage;
import dev.textopt.session.OptimizerSessions;
import dev.textopt.session.StepRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The charts' numbers: per step, the closure's loss and the cumulative tokens and cost. History
 * entries never change once finished, so each session's finished prefix is remembered and a page
 * view reads only the entries added since; a 500-step session is read whole once, not on every view.
 */
@Component
class ChartData {

    /** Page sizes: large for a session seen the first time, small for the few entries added since. */
    static final int FIRST_BATCH = 200;
    static final int BATCH = 25;
    static final int MAX_SESSIONS = 256;

    private record Row(int number, boolean step, Double loss, Map<String, Usage> usage) {
    }

    /** Rows of entries 1..upTo, all finished, in order. */
    private record Known(int upTo, List<Row> rows) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OptimizerSessions sessions;
    private final Map<UUID, Known> known = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Known> eldest) {
            return size() > MAX_SESSIONS;
        }
    });

    ChartData(OptimizerSessions sessions) {
        this.sessions = sessions;
    }

    /** JSON text for a {@code data-} attribute (Thymeleaf escapes it): {@code x, loss, tokens, cost, currency}. */
    String json(UUID id) {
        Known before = known.getOrDefault(id, new Known(0, List.of()));
        var fresh = new ArrayList<StepRecord>();
        int batch = before.upTo() == 0 ? FIRST_BATCH : BATCH;
        for (int page = 0; ; page++) {
            var found = sessions.history(id, page, batch).items();
            boolean reachedKnown = false;
            for (StepRecord r : found) {
                if (r.number() <= before.upTo()) {
                    reachedKnown = true;
                    break;
                }
                fresh.add(r);
            }
            if (reachedKnown || found.size() < batch) {
                break;
            }
        }
        Collections.reverse(fresh);
        var rows = new ArrayList<>(before.rows());
        int upTo = before.upTo();
        boolean prefix = true;
        var running = new ArrayList<Row>();
        for (StepRecord r : fresh) {
            Row row = new Row(r.number(), r.kind() == StepRecord.Kind.STEP && r.status() != StepRecord.Status.RUNNING, score(r.loss()), r.usage());
            if (prefix && r.status() != StepRecord.Status.RUNNING && r.number() == upTo + 1) {
                rows.add(row);
                upTo = r.number();
            } else {
                prefix = false;
                running.add(row);
            }
        }
        known.put(id, new Known(upTo, List.copyOf(rows)));
        rows.addAll(running);
        return render(rows);
    }

    private static String render(List<Row> rows) {
        var x = new ArrayList<Integer>();
        var loss = new ArrayList<Double>();
        var tokens = new ArrayList<Long>();
        var cost = new ArrayList<Double>();
        Totals totals = Totals.NONE;
        boolean anyLoss = false;
        for (Row r : rows) {
            if (!r.step()) {
                continue;
            }
            totals = totals.plus(r.usage());
            anyLoss |= r.loss() != null;
            x.add(r.number());
            loss.add(r.loss());
            tokens.add(totals.tokens());
            cost.add(totals.cost() == null ? null : totals.cost().doubleValue());
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("x", x);
        data.put("loss", anyLoss ? loss : List.of());
        data.put("tokens", tokens);
        data.put("cost", cost);
        data.put("currency", totals.currency());
        return JSON.writeValueAsString(data);
    }

    /** A closure's score when it is a number (or text that reads as one); the chart leaves a gap otherwise. */
    static Double score(Loss loss) {
        if (loss == null || loss.score() == null) {
            return null;
        }
        if (loss.score() instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return new BigDecimal(loss.score().toString().trim()).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
