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
        return new ParamState(all).newest(momentum);
    }

    /** This state with only its newest {@code entries} entries. */
    ParamState newest(int entries) {
        return new ParamState(momentumBuffer.subList(Math.max(0, momentumBuffer.size() - entries), momentumBuffer.size()));
    }
}
