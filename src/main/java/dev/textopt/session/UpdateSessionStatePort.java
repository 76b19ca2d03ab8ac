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

    /** Reserves the next history number, for an edit or a restore. */
    int nextHistoryNumber(UUID sessionId);

    /** Counts a change: a new version and update time. */
    void touch(UUID sessionId, Instant now);
}
