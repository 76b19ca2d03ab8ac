package dev.textopt.session;

import java.util.List;
import java.util.Map;

/** A param group as stored: its filled-in options and its parameters in order. */
public record StoredGroup(Map<String, Object> options, List<StoredParam> params) {

    public StoredGroup {
        params = List.copyOf(params);
    }
}
