package dev.textopt.optim.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One item of a run's dataset: the inputs its forward pass fills the messages with, and the output expected (may be null). */
public record RunItem(Map<String, String> inputs, String target) {

    public RunItem {
        inputs = inputs == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }
}
