package dev.textopt.session;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * While a training run is active on a session, only the run changes it: a step, edit, restore, new group,
 * state-dict import or second run by hand is refused (409). Asked in the transaction that holds the
 * session row's lock, which creating a run takes too, so a run cannot start between the check and the change.
 */
@Component
class RunGuard {

    private final LoadRunPort runs;

    RunGuard(LoadRunPort runs) {
        this.runs = runs;
    }

    /** Refuses {@code what} if a run other than {@code asRun} (null: a change by hand) is active on the session. */
    void refuse(UUID sessionId, UUID asRun, String what) {
        runs.activeRun(sessionId).filter(run -> !run.equals(asRun)).ifPresent(run -> {
            throw new RunActiveException(sessionId, run, what);
        });
    }
}
