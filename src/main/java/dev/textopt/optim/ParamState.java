package dev.textopt.optim;

import java.util.ArrayList;
import java.util.List;

/** What the optimizer remembers about one parameter: the last {@code momentum} steps, oldest first. */
public record ParamState(List<MomentumEntry> momentumBuffer) {

    public ParamState {
        momentumBuffer = List.copyOf(momentumBuffer);
    }

    /** This state with {@code entry} appended, keeping only the newest {@code momentum} entries. */
    ParamState remember(MomentumEntry entry, int momentum) {
        List<MomentumEntry> all = new ArrayList<>(momentumBuffer);
        all.add(entry);
        int from = Math.max(0, all.size() - momentum);
        return new ParamState(all.subList(from, all.size()));
    }
}
