package dev.textopt.session;

import java.util.UUID;

/** Deleting a session of the current tenant with everything it owns. */
public interface DeleteSessionPort {

    /** False if the tenant has no session by that id. */
    boolean delete(UUID id);
}
