package dev.textopt.session;

import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Changes by hand to a session that {@link LockSessionPort#lock} returned, in the same transaction. */
public interface UpdateSessionStatePort {

    /** Adds a group after the existing ones; its parameters join after history entry {@code atEntry}. */
    void addGroup(UUID sessionId, StoredGroup group, int atEntry);

    void updateParam(UUID sessionId, UUID paramId, String data, String role, boolean requiresGrad);

    void clearGrads(UUID sessionId);

    /** New values for the parameters named (a restore). */
    void setParamValues(UUID sessionId, Map<UUID, String> dataById);

    /**
     * A loaded state dict: each group's options and each parameter's momentum buffer, and the usage it
     * brings, which is added to the session's usage only, never to what it has spent.
     */
    void loadState(UUID sessionId, List<Map<String, Object>> optionsByGroup, Map<UUID, List<MomentumEntry>> buffers,
            Map<String, Usage> importedUsage);

    /** Group {@code index}'s new options, and the momentum buffers of its parameters that they changed. */
    void updateGroup(UUID sessionId, int index, Map<String, Object> options, Map<UUID, List<MomentumEntry>> buffers);

    /** Every client's usage back to nothing (afnio's {@code clear_usage}); what the session has spent stays. */
    void clearUsage(UUID sessionId);

    /** Reserves the next history number, for an edit or a restore. */
    int nextHistoryNumber(UUID sessionId);

    /** Counts a change: a new version and update time; returns the new version. */
    long touch(UUID sessionId, Instant now);
}
