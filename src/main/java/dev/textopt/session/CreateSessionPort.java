package dev.textopt.session;

/** Creating a session for the current tenant, within its quota. */
public interface CreateSessionPort {

    /** Sessions of the current tenant. */
    long countSessions();

    void insert(StoredSession session);
}
