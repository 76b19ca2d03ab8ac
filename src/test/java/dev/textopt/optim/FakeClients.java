package dev.textopt.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Model clients by name, in memory. */
public final class FakeClients implements ModelClients {

    private final Map<String, ModelClient> byName = new LinkedHashMap<>();

    public FakeClients(ModelClient... clients) {
        for (ModelClient c : clients) {
            byName.put(c.name(), c);
        }
    }

    @Override
    public Optional<ModelClient> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Set<String> names() {
        return byName.keySet();
    }
}
