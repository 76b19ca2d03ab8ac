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
        TgdOptions parsed = TgdOptionsParser.parse(options, path, problems);
        if (parsed == null) {
            return problems;
        }
        Optional<ModelClient> client = clients.find(parsed.modelClient());
        if (client.isEmpty()) {
            problems.add(new Problem(path + "." + TgdOptions.MODEL_CLIENT, "no model client named \"" + parsed.modelClient()
                    + "\"; configured clients: " + String.join(", ", new TreeSet<>(clients.names()))));
            return problems;
        }
        try {
            client.get().checkCompletionArgs(parsed.completionArgs());
        } catch (RuntimeException e) {
            problems.add(new Problem(path + "." + TgdOptions.COMPLETION_ARGS, String.valueOf(e.getMessage())));
        }
        return problems;
    }
}
