package dev.textopt.session;

import java.util.Optional;
import java.util.UUID;

/**
 * A session to change by hand, read with its row locked until the transaction ends: no step starts and no
 * gradient is appended meanwhile, so what a change checked (no step running, the parameter exists) still
 * holds when it commits. Asked again after {@link UpdateSessionStatePort} changed it, in the same
 * transaction, it returns the session as changed. Only the current tenant's sessions are found.
 */
public interface LockSessionPort {

    Optional<StoredSession> lock(UUID id);
}
