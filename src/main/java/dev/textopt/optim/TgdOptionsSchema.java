package dev.textopt.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** TGD's options for the base {@link Optimizer}: the keys, and checks that need the model clients. */
final class TgdOptionsSchema implements OptionsSchema {

    private final ModelClients clients;

    TgdOptionsSchema(ModelClients clients) {
        this.clients = clients;
    }

    @Override
    public List<String> keys() {
        return TgdOptions.KEYS;
    }

    @Override
    public Set<String> modelClientKeys() {
        return Set.of(TgdOptions.MODEL_CLIENT);
    }

    @Override
    public List<Problem> check(Map<String, Object> options, String path) {
        List<Problem> problems = new ArrayList<>();
        checked(options, path, problems);
        return problems;
    }

    /**
     * Also refuses messages in which no turn shows the parameter: every step would ask the model to
     * improve a text it never sees (the placeholder defaults of afnio's messages are how this happens).
     */
    @Override
    public List<Problem> checkGiven(Map<String, Object> options, String path) {
        List<Problem> problems = new ArrayList<>();
        TgdOptions parsed = checked(options, path, problems);
        if (parsed != null && parsed.messages().stream().noneMatch(m -> m.template().placeholders().contains("variable"))) {
            problems.add(new Problem(path + "." + TgdOptions.MESSAGES, "no turn uses {variable}, so the model would never see "
                    + "the text it is asked to improve; put <VARIABLE>{variable}</VARIABLE> in a turn (usually the last user turn)"));
        }
        return problems;
    }

    /** Adds every problem to {@code problems}; returns the options as parsed, or null when they could not be. */
    private TgdOptions checked(Map<String, Object> options, String path, List<Problem> problems) {
        TgdOptions parsed = TgdOptionsParser.parse(options, path, problems);
        if (parsed == null) {
            return null;
        }
        Optional<ModelClient> client = clients.find(parsed.modelClient());
        if (client.isEmpty()) {
            problems.add(new Problem(path + "." + TgdOptions.MODEL_CLIENT, "no model client named \"" + parsed.modelClient()
                    + "\"; configured clients: " + String.join(", ", new TreeSet<>(clients.names()))));
            return parsed;
        }
        try {
            client.get().checkCompletionArgs(parsed.completionArgs());
        } catch (RuntimeException e) {
            problems.add(new Problem(path + "." + TgdOptions.COMPLETION_ARGS, String.valueOf(e.getMessage())));
        }
        return parsed;
    }
}
