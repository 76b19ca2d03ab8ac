package dev.textopt.optim;

import java.util.Optional;
import java.util.Set;

/** The model clients an optimizer may name, by name. */
public interface ModelClients {

    Optional<ModelClient> find(String name);

    Set<String> names();
}
